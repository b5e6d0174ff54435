namespace Kith.Community.Organisations;

/// <summary>The organisation form on the staff pages; checked by <see cref="OrganisationRules"/> like the API.</summary>
public sealed class OrganisationForm
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>An area id, or empty for none.</summary>
    public string? AreaId { get; set; }
    /// <summary>False by default: an unticked checkbox posts nothing, so the form binder must start from false.</summary>
    public bool Active { get; set; }

    internal OrganisationRequest ToRequest() =>
        new(Name, Type, Description, Website, Phone, Email, Guid.TryParse(AreaId, out var area) ? area : null, Active);

    internal static OrganisationForm From(OrganisationResponse o) => new()
    {
        Name = o.Name, Type = o.Type, Description = o.Description, Website = o.Website, Phone = o.Phone, Email = o.Email,
        AreaId = o.AreaId?.ToString(), Active = o.Active,
    };
}
