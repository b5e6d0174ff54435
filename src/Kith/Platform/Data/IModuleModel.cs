using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Platform.Data;

/// <summary>
/// A module's part of the one EF model (its tables, keys and indexes), kept beside the module's own
/// code. <see cref="KithDb"/> discovers every implementation in the assembly, so a new module adds
/// its tables without editing KithDb (ADR 0022). The schema itself still comes from the SQL migrations.
/// </summary>
internal interface IModuleModel
{
    /// <param name="protectedText">Encrypts sensitive text at rest with the key ring (ADR 0010).</param>
    void Configure(ModelBuilder builder, ValueConverter<string, string> protectedText);
}
