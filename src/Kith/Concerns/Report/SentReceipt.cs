namespace Kith.Concerns.Report;

/// <summary>What the receipt page shows, kept in its shown-once slot for ten minutes (ADR 26).</summary>
internal sealed record SentReceipt(string Receipt, bool ShowCrisisOptions, Guid? AreaId, string Language);
