namespace Kith.Insights.Value;

/// <summary>
/// The prevention-value estimate from one version of the assumptions, each step kept so the page can show it as a formula:
/// cost = reach × cost per participant (or the total as given); cases averted = reach × effect; value averted = cases ×
/// cost averted per case; net = value averted − cost; return per dollar = value averted ÷ cost. The low and high effects
/// give the same steps again (the sensitivity range). A published return per dollar, when given with its source, gives a
/// second, separate figure: cost × that ratio. Money in decimal, rounded only when shown.
/// </summary>
internal sealed record ValueEstimate(decimal Cost, ValueEstimate.Outcome Central, ValueEstimate.Outcome Low, ValueEstimate.Outcome High, decimal? Published)
{
    /// <summary>The steps for one effect: cases averted, their value, the net and (with a cost above 0) the return per dollar.</summary>
    internal sealed record Outcome(decimal Effect, decimal Cases, decimal Averted, decimal Net, decimal? PerDollar);

    public static ValueEstimate Of(ValueAssumption a)
    {
        var cost = a.CostBasis == ValueInput.PerParticipant ? a.Reach * a.Cost : a.Cost;
        Outcome For(decimal effect)
        {
            var cases = a.Reach * effect / 100m;
            var averted = cases * a.CostAverted;
            return new Outcome(effect, cases, averted, averted - cost, cost > 0 ? averted / cost : null);
        }
        return new ValueEstimate(cost, For(a.Effect), For(a.EffectLow), For(a.EffectHigh), a.ReturnPerDollar is { } r ? cost * r : null);
    }
}
