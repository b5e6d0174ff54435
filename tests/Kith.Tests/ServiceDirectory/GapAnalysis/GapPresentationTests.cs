using System.Globalization;
using Kith.ServiceDirectory.GapAnalysis;

namespace Kith.Tests.ServiceDirectory.GapAnalysis;

/// <summary>Sorting, map classes and the CSV cells, without a server.</summary>
public sealed class GapPresentationTests
{
    private static AreaSupply Row(string name, int population, int inArea, double? rate, GapFlag gap = GapFlag.None) =>
        new(new GapArea(name, name, name, population), inArea, 0, 0, 0, 0, rate, null, null, gap, []);

    private static readonly AreaSupply[] Rows =
    [
        Row("Birch", 5_000, 1, 2.0), Row("Alder", 10_000, 0, 0, GapFlag.NoService), Row("Cedar", 0, 1, null, GapFlag.NoPopulation), Row("Dogwood", 7_000, 3, 4.3),
    ];

    [Fact]
    public void Rows_sort_by_a_known_column_either_way_with_areas_without_a_value_last()
    {
        Assert.Equal(["Dogwood", "Birch", "Alder", "Cedar"], GapTableOrder.Apply(Rows, "rate", descending: true).Select(r => r.Area.Name));
        Assert.Equal(["Alder", "Birch", "Dogwood", "Cedar"], GapTableOrder.Apply(Rows, "rate", descending: false).Select(r => r.Area.Name));
        Assert.Equal(["Alder", "Dogwood", "Birch", "Cedar"], GapTableOrder.Apply(Rows, "population", descending: true).Select(r => r.Area.Name));
        Assert.Equal(["Dogwood", "Cedar", "Birch", "Alder"], GapTableOrder.Apply(Rows, "area", descending: true).Select(r => r.Area.Name));
        Assert.Equal("Alder", GapTableOrder.Apply(Rows, "gap", descending: true)[0].Area.Name);
    }

    [Theory]
    [InlineData(null, null, "area", false)]
    [InlineData("POPULATION", "DESC", "population", true)]
    [InlineData("population;drop", "sideways", "area", false)]
    [InlineData("hours-rate", "asc", "hours-rate", false)]
    public void Unknown_sort_columns_and_directions_fall_back_to_the_area_name_ascending(string? sort, string? dir, string column, bool descending) =>
        Assert.Equal((column, descending), GapTableOrder.Parse(sort, dir));

    [Fact]
    public void Five_equal_classes_from_zero_to_the_highest_value()
    {
        var classes = MapClasses.For([1, 2.5, 10]);

        Assert.Equal(5, classes.Ranges.Count);
        Assert.Equal((0.0, 2.0), classes.Ranges[0]);
        Assert.Equal((8.0, 10.0), classes.Ranges[4]);
        Assert.Equal([1, 2, 2, 5, 5], new[] { 1, 2.5, 4, 8.01, 10 }.Select(classes.ClassOf));
        Assert.Empty(MapClasses.For([]).Ranges);
        Assert.Equal(1, MapClasses.For([0, 0]).ClassOf(0));
    }

    [Fact]
    public void The_map_hatches_areas_without_a_service_and_greys_areas_without_residents()
    {
        var (areas, legend) = MapShading.For(Rows, GapMeasure.Services, "No in-area service", "No residents recorded");

        Assert.Equal(("Alder", "gap-none"), (areas[1].Code, areas[1].Css));
        Assert.Equal(("Cedar", "gap-unknown"), (areas[2].Code, areas[2].Css));
        Assert.Equal("gap-class-5", areas[3].Css);   // the highest value
        Assert.Equal("gap-class-3", areas[0].Css);   // 2.0 of 4.3: third fifth
        Assert.Equal(["gap-class-1", "gap-class-2", "gap-class-3", "gap-class-4", "gap-class-5", "gap-none", "gap-unknown"], legend.Select(l => l.Css));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Old Town", "Old Town")]
    [InlineData("", "")]
    public void Text_cells_that_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, Kith.Platform.Csv.Csv.Guarded(value));

    [Fact]
    public void The_csv_uses_invariant_numbers_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("es-ES");
        try
        {
            var supply = new CategorySupply(NeedCategory.All, [Row("=Alder", 10_000, 3, 3.3333)], 2.5, null, null);
            var text = System.Text.Encoding.UTF8.GetString(GapsCsv.Write(new GapReportResult([supply], new DateOnly(2026, 1, 5), []), ["Concerns, per 1,000"]));
            var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(2, lines.Length);
            Assert.StartsWith("area_code,area_name,population,", lines[0]);
            Assert.EndsWith(",week_starting,\"Concerns, per 1,000\"", lines[0]);
            Assert.Equal("'=Alder,'=Alder,10000,all,All needs,3,0,0,0,0,3.33,,,2.5,,2026-01-05", lines[1]);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
