using System.Text.RegularExpressions;
using Kith.ServiceDirectory.Demo;

namespace Kith.Tests.ServiceDirectory.Demo;

/// <summary>The demo's definitions themselves: unique keys and fictional local numbers (no database).</summary>
public sealed class DemoDirectoryDefinitionTests
{
    [Fact]
    public void Keys_are_unique_so_ids_are_too()
    {
        Assert.Equal(DemoDirectory.Services.Count, DemoDirectory.Services.Select(s => s.Key).Distinct().Count());
        Assert.Equal(DemoDirectory.Places.Count, DemoDirectory.Places.Select(p => p.Key).Distinct().Count());
        Assert.Equal(DemoDirectory.Providers.Count, DemoDirectory.Providers.Select(p => p.Key).Distinct().Count());
        Assert.Equal(DemoDirectory.Services.Count, DemoDirectory.Services.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Local_numbers_are_in_the_range_reserved_for_fiction()
    {
        var numbers = DemoDirectory.Services.SelectMany(s => s.Phones.Select(p => p.Number).Append(s.Contact?.Phone))
            .Concat(DemoDirectory.Places.Select(p => p.Phone)).OfType<string>().Where(n => n.StartsWith("507")).ToList();

        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Matches(new Regex("^507-555-01[0-9]{2}$"), n));
    }

    [Fact]
    public void A_service_with_hours_at_a_place_delivers_there()
    {
        foreach (var s in DemoDirectory.Services)
            Assert.All(s.Hours.Where(h => h.Place is not null), h => Assert.Contains(h.Place!, s.Places));
        Assert.Contains(DemoDirectory.Services, s => s.Hours.Any(h => h.Place is not null));
    }
}
