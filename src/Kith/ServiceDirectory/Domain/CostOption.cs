namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>cost_option</c> (cost_options.csv): The costs of a service at certain points in time. This is an LGA Extension. This object provides a structured version of the text information contained in the 'fees' field of the 'service' object.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class CostOption
{
    /// <summary>The identifier for the cost option. Each entry must have a unique identifier</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the services for which the entry describes the cost.</summary>
    public string ServiceId { get; set; } = "";
    /// <summary>The date when this price is valid from.</summary>
    public DateOnly? ValidFrom { get; set; }
    /// <summary>The date when this price is valid to.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>Conditions associated with the cost option.</summary>
    public string? Option { get; set; }
    /// <summary>The 3 letter currency code of this cost option (expected to be gbp by Open Referral UK).</summary>
    public string? Currency { get; set; }
    /// <summary>The cost of the option, expressed as an amount.</summary>
    public decimal? Amount { get; set; }
    /// <summary>Specific details qualifying the cost amount.</summary>
    public string? AmountDescription { get; set; }
}
