namespace Kith.Groups.Domain;

/// <summary>Who gets a place: first come while places last, then a waiting list in the order people joined.</summary>
internal static class Places
{
    public static string OnJoin(int enrolled, int capacity) => enrolled < capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted;

    /// <summary>How many may move up when capacity grows or places free: as many as there are free places.</summary>
    public static IReadOnlyList<Enrolment> ToPromote(IReadOnlyCollection<Enrolment> enrolments, int capacity)
    {
        var free = capacity - enrolments.Count(e => e.Status == EnrolmentStatus.Enrolled);
        return free <= 0 ? [] : enrolments.Where(e => e.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(e => e.JoinedAt).ThenBy(e => e.Id).Take(free).ToList();
    }
}
