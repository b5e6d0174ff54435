using Kith.Platform.Security;

namespace Kith.Volunteers.Domain;

/// <summary>The private code that opens a helper's own page (their certificates, supervision notes, check-ins), with its own key-ring secret.</summary>
internal sealed class VolunteerCode(byte[] key) : PrivateCode(key);
