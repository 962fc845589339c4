using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Decides the family of one record (by Log Analytics table, diagnostic category, Graph context, then key fields)
/// and hands it to the family parser. Records of known kinds the library does not map are ignored with a reason.
/// </summary>
internal static class RecordClassifier
{
    /// <summary>Classifies and parses one record.</summary>
    public static LogRecord Classify(RecordView view, SignalOrigin origin, string? tableHint)
    {
        string? category = null;
        var table = LogAnalyticsTable(view);
        if (table is not null)
        {
            view = view.Style == RecordStyle.LogAnalytics ? view : Restyle(view);
            if (!LogTables.IsKnownTable(table))
            {
                return LogRecord.Ignored(origin, $"table {table} is not one of the five families");
            }
        }
        else if (tableHint is not null)
        {
            table = tableHint;
        }
        else
        {
            category = view.Localizable("category");
            if (category is not null && LogTables.CategoryToTable.TryGetValue(category, out var mapped))
            {
                table = mapped;
            }
            else
            {
                table = FromKeyFields(view, out var ignoredReason);
                if (ignoredReason is not null)
                {
                    return LogRecord.Ignored(origin, ignoredReason);
                }
            }
        }

        if (table is null)
        {
            if (category is not null)
            {
                return LogRecord.Ignored(origin, $"category {category} is not one of the five families");
            }

            return LogRecord.Rejected(origin, RejectionKind.UnrecognizedRecord, "no log family recognised (no known table, category or key fields); fields seen: " + FirstNames(view));
        }

        return Parse(view, origin, table, category);
    }

    private static LogRecord Parse(RecordView view, SignalOrigin origin, string table, string? category)
    {
        switch (table.ToLowerInvariant())
        {
            case "signinlogs":
                return SignInParser.Parse(view, origin, category is null && view.Style != RecordStyle.LogAnalytics && view.Localizable("category") is null ? null : SignInKind.UserInteractive);
            case "aadnoninteractiveusersigninlogs":
                return SignInParser.Parse(view, origin, SignInKind.UserNonInteractive);
            case "aadserviceprincipalsigninlogs":
                return SignInParser.Parse(view, origin, SignInKind.ServicePrincipal);
            case "aadmanagedidentitysigninlogs":
                return SignInParser.Parse(view, origin, SignInKind.ManagedIdentity);
            case "aaduserriskevents":
                return RiskParser.Parse(view, origin, "AADUserRiskEvents");
            case "aadriskyusers":
                return RiskParser.Parse(view, origin, "AADRiskyUsers");
            case "aadserviceprincipalriskevents":
                return RiskParser.Parse(view, origin, "AADServicePrincipalRiskEvents");
            case "aadriskyserviceprincipals":
                return RiskParser.Parse(view, origin, "AADRiskyServicePrincipals");
            case "auditlogs":
                return AuditParser.Parse(view, origin, string.Equals(category, "Audit", StringComparison.OrdinalIgnoreCase));
            case "securityalert":
                return ParseSecurityAlert(view, origin);
            default:
                return ParseActivity(view, origin);
        }
    }

    private static LogRecord ParseSecurityAlert(RecordView view, SignalOrigin origin)
    {
        var provider = view.Text("ProviderName");
        if (provider is not null
            && (provider.Equals("CustomAlertRule", StringComparison.OrdinalIgnoreCase) || provider.Equals("ASI Scheduled Alerts", StringComparison.OrdinalIgnoreCase)))
        {
            return LogRecord.Ignored(origin, $"SecurityAlert from ProviderName {provider} is a Sentinel analytics-rule alert, not a Defender for Cloud alert");
        }

        return DefenderParser.Parse(view, origin);
    }

    private static LogRecord ParseActivity(RecordView view, SignalOrigin origin)
    {
        var category = view.Object("properties")?.Text("eventCategory") ?? view.Text("CategoryValue") ?? view.Localizable("category");
        if (category is not null
            && (category.Equals("ResourceHealth", StringComparison.OrdinalIgnoreCase) || category.Equals("ServiceHealth", StringComparison.OrdinalIgnoreCase)))
        {
            return LogRecord.Ignored(origin, $"category {category} is not one of the five families");
        }

        var operation = view.Text("OperationNameValue") ?? view.Localizable("operationName");
        if (operation is not null && operation.StartsWith("Microsoft.Security/locations/alerts/", StringComparison.OrdinalIgnoreCase))
        {
            return DefenderParser.ParseActivitySecurityEvent(view, origin);
        }

        return ActivityParser.Parse(view, origin);
    }

    private static string? LogAnalyticsTable(RecordView view)
    {
        var table = view.Text("$table");
        if (table is not null)
        {
            return table;
        }

        // "Type" is the table column in Log Analytics rows; in ARM/Graph JSON it means something else.
        var type = view.Text("Type");
        if (type is null || type.IndexOf('/') >= 0 || type.IndexOf('.') >= 0 || type.IndexOf(' ') >= 0)
        {
            return null;
        }

        return view.Style == RecordStyle.LogAnalytics || LogTables.IsKnownTable(type) || view.Has("TenantId") && view.Has("TimeGenerated") ? type : null;
    }

    private static RecordView Restyle(RecordView view) =>
        view is JsonRecordView json ? new JsonRecordView(json.Element, RecordStyle.LogAnalytics) : view;

    private static string? FromKeyFields(RecordView view, out string? ignoredReason)
    {
        ignoredReason = null;
        var type = view.Text("type");
        var properties = view.Object("properties");
        if (type is not null && type.StartsWith("Microsoft.Security/", StringComparison.OrdinalIgnoreCase))
        {
            if (type.EndsWith("/alerts", StringComparison.OrdinalIgnoreCase) || properties?.Text("alertType") is not null)
            {
                return "SecurityAlert";
            }

            ignoredReason = $"type {type} is a Defender for Cloud posture record, not one of the five families";
            return null;
        }

        if (view.Text("alertType") is not null && (view.Has("systemAlertId") || view.Has("alertDisplayName") || view.Has("AlertName")))
        {
            return "SecurityAlert";
        }

        if (view.Has("riskEventType") || properties?.Has("riskEventType") == true)
        {
            return view.Has("servicePrincipalId") && !view.Has("userId") ? "AADServicePrincipalRiskEvents" : "AADUserRiskEvents";
        }

        if (view.Has("riskLastUpdatedDateTime") && view.Has("riskLevel"))
        {
            return "AADRiskyUsers";
        }

        if (view.Has("activityDisplayName") && (view.Has("targetResources") || view.Has("initiatedBy")))
        {
            return "AuditLogs";
        }

        if (view.Has("createdDateTime") && view.Has("status") && (view.Has("userPrincipalName") || view.Has("appId")))
        {
            return "SigninLogs";
        }

        if (view.Has("operationName") && (view.Has("resourceId") || view.Has("eventTimestamp")))
        {
            return "AzureActivity";
        }

        return null;
    }

    private static string FirstNames(RecordView view)
    {
        var names = new List<string>();
        foreach (var name in view.Names)
        {
            if (names.Count == 8)
            {
                names.Add("...");
                break;
            }

            names.Add(name);
        }

        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }

    }
