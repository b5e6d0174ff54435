namespace Kith.ServiceDirectory.Domain;

/// <summary>HSDS 3.0 <c>service</c> (services.csv): The details of the services provided by organizations to a range of different groups.</summary>
/// <remarks>Properties mirror the HSDS table's fields one for one (see Hsds/datapackage.json); Kith's own additions come last.</remarks>
internal sealed class Service
{
    /// <summary>The identifier for the service. Each service must have a unique identifier.</summary>
    public string Id { get; set; } = "";
    /// <summary>The identifier of the organization that provides this service.</summary>
    public string OrganizationId { get; set; } = "";
    /// <summary>The identifier of the program this service is delivered under.</summary>
    public string? ProgramId { get; set; }
    /// <summary>The official or public name of the service.</summary>
    public string Name { get; set; } = "";
    /// <summary>An (optional) alternative name for this service.</summary>
    public string? AlternateName { get; set; }
    /// <summary>A free text description of the service.</summary>
    public string? Description { get; set; }
    /// <summary>URL of the service</summary>
    public string? Url { get; set; }
    /// <summary>An email address which can be used to contact the service provider.</summary>
    public string? Email { get; set; }
    /// <summary>The current status of the service which can be active, inactive, defunct, or temporarily closed.</summary>
    public string Status { get; set; } = "";
    /// <summary>A free text description of any interpretation services available for accessing this service.</summary>
    public string? InterpretationServices { get; set; }
    /// <summary>A free text description of the steps needed to access this service.</summary>
    public string? ApplicationProcess { get; set; }
    /// <summary>A free text description of any charges for service users to access this service.</summary>
    public string? FeesDescription { get; set; }
    /// <summary>DEPRECATED: The time a client may expect to wait before receiving a service.</summary>
    public string? WaitTime { get; set; }
    /// <summary>DEPRECATED: Details of any charges for service users to access this service.</summary>
    public string? Fees { get; set; }
    /// <summary>A free text description of any accreditations. Accreditation is the formal evaluation of an organization or program against best practice standards set by an accrediting organization.</summary>
    public string? Accreditations { get; set; }
    /// <summary>A free text description of the type of person for whom this service is intended.</summary>
    public string? EligibilityDescription { get; set; }
    /// <summary>The minimum age of a person required to meet this eligibility requirement.</summary>
    public decimal? MinimumAge { get; set; }
    /// <summary>The maximum age of a person required to meet this eligibility requirement.</summary>
    public decimal? MaximumAge { get; set; }
    /// <summary>The date that the information about the service was last checked.</summary>
    public DateOnly? AssuredDate { get; set; }
    /// <summary>The contact e-mail address for the person or organization which last assured the service.</summary>
    public string? AssurerEmail { get; set; }
    /// <summary>DEPRECATED: An organization may have a license issued by a government entity to operate legally. A list of any such licenses can be provided here.</summary>
    public string? Licenses { get; set; }
    /// <summary>A description of any short term alerts concerning the service.</summary>
    public string? Alert { get; set; }
    /// <summary>The datetime when the service, or any related information about the service, has changed. Should have millisecond accuracy.</summary>
    public DateTime? LastModified { get; set; }
    /// <summary>Who last confirmed the record is correct (staff display name or "import"); HSDS only has the assurer's email.</summary>
    public string? AssuredBy { get; set; }
    /// <summary>The service keeps a waiting list (HSDS 3.1 capacity companion).</summary>
    public bool Waitlist { get; set; }
    /// <summary>When the owning organisation was last reminded that this record needs verifying.</summary>
    public DateTime? VerificationReminderSentAt { get; set; }
}
