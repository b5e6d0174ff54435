using Kith.Platform.Security;

namespace Kith.Concerns.Receipts;

/// <summary>The reporter's key to their concern: a <see cref="PrivateCode"/> hashed with the receipts' own key-ring secret.</summary>
internal sealed class ReceiptCode(byte[] key) : PrivateCode(key);
