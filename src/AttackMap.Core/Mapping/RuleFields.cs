using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>The fields the registry dispatches on, per family. Rule match fields must be one of them.</summary>
internal static class RuleFields
{
    public const string AlertType = "alertType";
    public const string ResultType = "resultType";
    public const string ClientAppUsed = "clientAppUsed";
    public const string RiskEventType = "riskEventType";
    public const string ActivityDisplayName = "activityDisplayName";
    public const string OperationName = "operationName";

    /// <summary>The most dispatch fields any family has (sign-ins: result type, client app, risk event type).</summary>
    public const int MaxFieldsPerFamily = 3;

    private static readonly string[][] FieldsByFamily =
    {
        new[] { AlertType },
        new[] { ResultType, ClientAppUsed, RiskEventType },
        new[] { RiskEventType },
        new[] { ActivityDisplayName },
        new[] { OperationName },
    };

    public static int FamilyCount => FieldsByFamily.Length;

    /// <summary>Gets the dispatch fields of a family; the first is its primary key.</summary>
    public static IReadOnlyList<string> GetFields(LogFamily family) => FieldsByFamily[(int)family];

    /// <summary>Gets the primary key field of a family.</summary>
    public static string GetPrimaryField(LogFamily family) => FieldsByFamily[(int)family][0];

    /// <summary>Finds the index of a dispatch field (case-insensitive); null selects the primary key; -1 when unknown.</summary>
    public static int IndexOf(LogFamily family, string? field)
    {
        if (field is null)
        {
            return 0;
        }

        var fields = FieldsByFamily[(int)family];
        for (var i = 0; i < fields.Length; i++)
        {
            if (string.Equals(fields[i], field.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the canonical spelling of a match field, or null when unknown.</summary>
    public static string? Canonical(LogFamily family, string? field)
    {
        var index = IndexOf(family, field);
        return index < 0 ? null : FieldsByFamily[(int)family][index];
    }

    /// <summary>Normalizes a key for dispatch: trailing blanks are not significant.</summary>
    public static string NormalizeKey(string value) => value.TrimEnd();
}
