namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>address</c> (addresses.csv): The addresses of locations where organizations operate.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Address
{
    /// <summary>The identifier of the postal address. Each postal address must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the location for this postal address.</summary>
    public string? LocationId { get; set; }
    /// <summary>The name of the person or entity whose attention should be sought at the location. These are often included as a "care of" component of an address.</summary>
    public string? Attention { get; set; }
    /// <summary>The first line(s) of the address, including office, building number and street.</summary>
    public string Address1 { get; set; } = "";
    /// <summary>A second (additional) line of address information.</summary>
    public string? Address2 { get; set; }
    /// <summary>The city in which the address is located.</summary>
    public string City { get; set; } = "";
    /// <summary>The region in which the address is located (optional).</summary>
    public string? Region { get; set; }
    /// <summary>The state or province in which the address is located.</summary>
    public string StateProvince { get; set; } = "";
    /// <summary>The postal code for the address.</summary>
    public string PostalCode { get; set; } = "";
    /// <summary>The country in which the address is located. This should be given as an ISO 3361-1 country code (two letter abbreviation).</summary>
    public string Country { get; set; } = "";
    /// <summary>The type of address which may be physical, postal, or virtual.</summary>
    public string AddressType { get; set; } = "";
}
