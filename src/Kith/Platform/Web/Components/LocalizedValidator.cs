using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Kith.Platform.Web.Components;

/// <summary>
/// Data-annotation validation whose messages are translated: each attribute's ErrorMessage is English
/// text and the translation key. (The built-in DataAnnotationsValidator shows the raw English.)
/// </summary>
public sealed class LocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribed;

    [CascadingParameter] private EditContext EditContext { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(subscribed, EditContext)) return;
        if (subscribed is not null) subscribed.OnValidationRequested -= Validate;
        messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
        subscribed = EditContext;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        messages!.Clear();
        var model = EditContext.Model;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var text = T[result.ErrorMessage ?? "Check this field."];
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                messages.Add(EditContext.Field(member), text);
        }
        EditContext.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        if (subscribed is not null) subscribed.OnValidationRequested -= Validate;
    }
}
