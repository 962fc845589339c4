using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>
/// The default evidence kind by source: Defender alerts, risky sign-ins and risk detections are direct detections;
/// Activity writes and audit changes are correlation context; anything else needs review.
/// </summary>
internal static class EvidencePolicy
{
    /// <summary>Gets the default kind for a rule of <paramref name="family"/> keyed on <paramref name="field"/> with <paramref name="keys"/>.</summary>
    public static EvidenceKind GetDefaultKind(LogFamily family, string? field, IReadOnlyList<string> keys)
    {
        switch (family)
        {
            case LogFamily.DefenderForCloud:
            case LogFamily.EntraRiskDetection:
                return EvidenceKind.DirectDetection;
            case LogFamily.EntraAudit:
                return EvidenceKind.CorrelationContext;
            case LogFamily.EntraSignIn:
                return RuleFields.IndexOf(family, field) == 2 ? EvidenceKind.DirectDetection : EvidenceKind.NeedsReview;
            case LogFamily.AzureActivity:
                return keys.Count > 0 && keys.All(k => k.TrimEnd().EndsWith("/read", StringComparison.OrdinalIgnoreCase))
                    ? EvidenceKind.NeedsReview
                    : EvidenceKind.CorrelationContext;
            default:
                return EvidenceKind.NeedsReview;
        }
    }

    /// <summary>Gets the default kind for a rule.</summary>
    public static EvidenceKind GetDefaultKind(MappingRule rule) => GetDefaultKind(rule.Family, rule.MatchField, rule.Keys);
}
