using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>
/// The condition field names each family's <see cref="Signal.GetFieldValue"/> answers, and the prefixes of its nested paths.
/// A condition on any other field can never match; validation reports it.
/// </summary>
internal static class ConditionFields
{
    private static readonly string[][] NamesByFamily =
    {
        new[] { "alertType", "displayName", "description", "text", "severity", "status", "intent", "compromisedEntity", "productName", "providerName", "systemAlertId", "resourceId" },
        new[]
        {
            "resultType", "resultDescription", "clientAppUsed", "appId", "appDisplayName", "resourceDisplayName", "location", "userAgent",
            "riskLevelDuringSignIn", "riskLevelAggregated", "riskState", "riskEventTypes", "authenticationRequirement", "conditionalAccessStatus",
            "userPrincipalName", "ipAddress", "kind", "isRisky",
        },
        new[] { "riskEventType", "riskLevel", "riskState", "riskDetail", "detectionTimingType", "source", "location", "ipAddress", "isWorkloadIdentity" },
        new[] { "activityDisplayName", "category", "loggedByService", "operationType", "result", "resultReason", "targetType", "modifiedProperties" },
        new[] { "operationName", "category", "status", "subStatus", "caller", "level", "resourceProvider", "resourceId", "isFailed", "requestBody", "responseBody" },
    };

    private static readonly string[][] PrefixesByFamily =
    {
        new[] { "extendedProperties.", "entities." },
        Array.Empty<string>(),
        Array.Empty<string>(),
        new[] { "modifiedProperties.", "targets." },
        new[] { "requestBody.", "responseBody.", "properties." },
    };

    /// <summary>Gets the plain field names of a family.</summary>
    public static IReadOnlyList<string> GetNames(LogFamily family) => NamesByFamily[(int)family];

    /// <summary>Gets the path prefixes of a family (for example <c>requestBody.</c>).</summary>
    public static IReadOnlyList<string> GetPrefixes(LogFamily family) => PrefixesByFamily[(int)family];

    /// <summary>Tells whether signals of <paramref name="family"/> can answer <paramref name="field"/> (case-insensitive).</summary>
    public static bool IsKnown(LogFamily family, string field)
    {
        if ((int)family < 0 || (int)family >= NamesByFamily.Length || string.IsNullOrWhiteSpace(field))
        {
            return false;
        }

        var trimmed = field.Trim();
        foreach (var name in NamesByFamily[(int)family])
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in PrefixesByFamily[(int)family])
        {
            if (trimmed.Length > prefix.Length && trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
