namespace Kith.Volunteers.Domain;

/// <summary>Where a person stands in one training on a given day.</summary>
internal enum Standing { Current, ExpiringSoon, Lapsed }

/// <summary>
/// The certification rules volunteer tools share (Galaxy Digital, Rock RMS, CareTogether): a certificate is good up to
/// and including its last day; the renewal window ("expiring soon") is its last <see cref="Training.RenewalDays"/>
/// days; after the last day it has lapsed, and a person whose required training lapsed cannot be scheduled to lead.
/// </summary>
internal static class Certificates
{
    public static DateOnly ExpiryOf(DateOnly completedOn, int validMonths) => completedOn.AddMonths(validMonths).AddDays(-1);

    /// <summary>The first day of the renewal window.</summary>
    public static DateOnly WindowOpens(DateOnly expiresOn, int renewalDays) => expiresOn.AddDays(-renewalDays + 1);

    public static Standing On(DateOnly day, DateOnly expiresOn, int renewalDays) =>
        day > expiresOn ? Standing.Lapsed : day >= WindowOpens(expiresOn, renewalDays) ? Standing.ExpiringSoon : Standing.Current;

    /// <summary>The certification that counts for a training: the one that runs latest (a renewal replaces the old).</summary>
    public static Certification? Latest(IEnumerable<Certification> of, Guid trainingId) =>
        of.Where(c => c.TrainingId == trainingId).OrderByDescending(c => c.ExpiresOn).ThenByDescending(c => c.RecordedAt).FirstOrDefault();
}
