using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Kith.Platform.Api;

/// <summary>
/// A closed set of codes, read from the very list the app uses (the form's options, the supported languages …):
/// the request check refuses anything else and the OpenAPI document lists the same codes as its <c>enum</c>.
/// On a list it applies to every item; on a dictionary, to every key. The source member is a static property or
/// field holding strings or (code, title) pairs.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class OneOfAttribute(Type source, string member) : ValidationAttribute("That is not one of the choices.")
{
    private IReadOnlyList<string>? codes;

    public IReadOnlyList<string> Codes => codes ??= Read(source, member);

    public bool Allows(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string code => Allows(code),
        System.Collections.IDictionary map => map.Keys.Cast<object>().All(k => Allows(k as string)),
        IEnumerable<string?> list => list.Count() <= Codes.Count && list.All(Allows), // each choice at most once
        _ => false,
    };

    private static List<string> Read(Type source, string member)
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var value = source.GetProperty(member, Static)?.GetValue(null) ?? source.GetField(member, Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{source.Name}.{member} is not a static list of codes.");
        return value switch
        {
            IEnumerable<string> strings => strings.ToList(),
            IEnumerable<(string Code, string Title)> pairs => pairs.Select(p => p.Code).ToList(),
            _ => throw new InvalidOperationException($"{source.Name}.{member} holds neither codes nor (code, title) pairs."),
        };
    }
}
