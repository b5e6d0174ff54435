namespace Kith.Insights.Detection;

/// <summary>One monitored time point: its count, what the method expected, the upper bound, and whether it alarms.
/// A null is R's NA: the method could not say (a flat baseline divided by zero, say).</summary>
internal sealed record DetectionPoint(DateOnly Date, double Count, double? Expected, double? UpperBound, bool? Alarm)
{
    /// <summary>Cells after the alarm for a method that says more (NSSP's p-value and colour), in the order of <see cref="Detection.ExtraColumns"/>.</summary>
    public IReadOnlyList<object?> Extra { get; init; } = [];
}

/// <summary>A method's answer for a series: the monitored points, in date order.</summary>
internal sealed record Detection(string Method, IReadOnlyList<DetectionPoint> Points)
{
    /// <summary>The names of the points' extra cells; none for R surveillance's methods.</summary>
    public IReadOnlyList<string> ExtraColumns { get; init; } = [];
}

/// <summary>A request a method cannot honour (an unknown option, a series too short): said in words, never thrown as a crash.</summary>
internal sealed class DetectionException(string message) : Exception(message);
