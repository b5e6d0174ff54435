namespace Kith.Concerns.Domain;

/// <summary>
/// Wrong receipts tried across the deployment in one minute: the global brake on guessing, shared by
/// every node. Holds a count only — nothing about who tried.
/// </summary>
internal sealed class ReceiptFailureWindow
{
    public DateTime Minute { get; set; }
    public int Failures { get; set; }
}
