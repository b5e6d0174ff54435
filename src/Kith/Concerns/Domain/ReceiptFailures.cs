namespace Kith.Concerns.Domain;

/// <summary>
/// Wrong receipts tried across the deployment in one minute within one bucket (the first hex digits of the guess's
/// keyed hash): the global brake on guessing, shared by every node. Holds a count only — nothing about who tried
/// nor what they typed (without the key, a bucket says nothing about any receipt).
/// </summary>
internal sealed class ReceiptFailureWindow
{
    public DateTime Minute { get; set; }
    public int Bucket { get; set; }
    public int Failures { get; set; }
}
