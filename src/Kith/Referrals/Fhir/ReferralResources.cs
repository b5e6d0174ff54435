using Hl7.Fhir.Model;
using Kith.Referrals.Domain;
using Kith.Referrals.Reading;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Kith.Referrals.Fhir;

/// <summary>
/// A referral as the HL7 Gravity SDOH Clinical Care guide models one: a <c>ServiceRequest</c> (what is asked for, for
/// whom, by whom, of whom) and a <c>Task</c> whose status is the referral's (<c>focus</c> → the ServiceRequest).
/// The person is a contained Patient holding only the name they chose; nothing they did not agree to share appears.
/// Organisations are named by display, as Kith has no Organization endpoint.
/// </summary>
internal static class ReferralResources
{
    public const string TaskCodeSystem = "http://hl7.org/fhir/CodeSystem/task-code";

    /// <summary>Kith's own code system for how a referral ended (<see cref="ReferralOutcomes"/>), under the deployment's canonical base.</summary>
    public static string OutcomeSystem(string fhirBase) => fhirBase + "/CodeSystem/referral-outcome";

    public static ServiceRequest RequestOf(ReferralView r, string serviceName, string from, string to)
    {
        var request = new ServiceRequest
        {
            Id = r.Id.ToString(),
            Status = r.Status switch
            {
                "completed" => RequestStatus.Completed,
                "rejected" or "cancelled" or "failed" => RequestStatus.Revoked,
                "entered-in-error" => RequestStatus.EnteredInError,
                _ => RequestStatus.Active,
            },
            Intent = RequestIntent.Order,
            Code = new CodeableConcept { Text = serviceName },
            Subject = new ResourceReference("#person"),
            AuthoredOnElement = new FhirDateTime(new DateTimeOffset(r.CreatedAt, TimeSpan.Zero)),
            Requester = new ResourceReference { Display = from },
            Identifier = [new Identifier { Value = r.Reference }],
        };
        request.Performer.Add(new ResourceReference { Display = to });
        request.Contained.Add(Person(r));
        if (r.Need is { } need) request.Note.Add(new Annotation { Text = new Markdown(need) });
        return request;
    }

    public static FhirTask TaskOf(ReferralView r, string from, string to, string fhirBase)
    {
        var task = new FhirTask
        {
            Id = r.Id.ToString(),
            Status = Status(r.Status),
            Intent = FhirTask.TaskIntent.Order,
            Code = new CodeableConcept(TaskCodeSystem, "fulfill", "Fulfill the focal request"),
            Focus = new ResourceReference($"ServiceRequest/{r.Id}"),
            For = new ResourceReference("#person"),
            AuthoredOnElement = new FhirDateTime(new DateTimeOffset(r.CreatedAt, TimeSpan.Zero)),
            LastModifiedElement = new FhirDateTime(new DateTimeOffset(r.History.Count > 0 ? r.History[^1].At : r.CreatedAt, TimeSpan.Zero)),
            Requester = new ResourceReference { Display = from },
            Owner = new ResourceReference { Display = to },
            Identifier = [new Identifier { Value = r.Reference }],
            // "When fulfilment is sought": the receiver's response deadline.
            Restriction = new FhirTask.RestrictionComponent { Period = new Period { EndElement = new FhirDateTime(new DateTimeOffset(r.RespondBy, TimeSpan.Zero)) } },
        };
        task.Contained.Add(Person(r));
        if (r.StatusReason is { } reason) task.StatusReason = new CodeableConcept { Text = reason };
        if (r.Outcome is { } outcome)
            task.Output.Add(new FhirTask.OutputComponent
            {
                Type = new CodeableConcept { Text = "outcome" },
                Value = new CodeableConcept(OutcomeSystem(fhirBase), outcome),
            });
        return task;
    }

    private static Patient Person(ReferralView r)
    {
        var person = new Patient { Id = "person" };
        person.Name.Add(new HumanName { Given = [r.PersonName], Use = HumanName.NameUse.Usual });
        if (r.Contact is { } contact)
            person.Telecom.Add(new ContactPoint(r.ContactPreference == "email" ? ContactPoint.ContactPointSystem.Email
                : r.ContactPreference == "text" ? ContactPoint.ContactPointSystem.Sms : ContactPoint.ContactPointSystem.Phone, null, contact));
        if (r.Language is { } language)
            person.Communication.Add(new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", language), Preferred = true });
        return person;
    }

    public static FhirTask.TaskStatus Status(string code) => code switch
    {
        "requested" => FhirTask.TaskStatus.Requested,
        "accepted" => FhirTask.TaskStatus.Accepted,
        "rejected" => FhirTask.TaskStatus.Rejected,
        "cancelled" => FhirTask.TaskStatus.Cancelled,
        "in-progress" => FhirTask.TaskStatus.InProgress,
        "on-hold" => FhirTask.TaskStatus.OnHold,
        "completed" => FhirTask.TaskStatus.Completed,
        "failed" => FhirTask.TaskStatus.Failed,
        _ => FhirTask.TaskStatus.EnteredInError,
    };
}
