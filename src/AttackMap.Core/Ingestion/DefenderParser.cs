using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Reads a Defender for Cloud alert: REST <c>{id, name, type, properties}</c>, the flat PascalCase continuous export /
/// workflow payload, a SecurityAlert row (old and current column sets) or an Activity log <c>Security</c> event.
/// </summary>
internal static class DefenderParser
{
    public static LogRecord Parse(RecordView root, SignalOrigin origin)
    {
        var f = root.Object("properties") is { } properties && properties.Text("alertType") is not null ? properties : root;
        var alertType = f.Text("alertType") ?? f.Text("AlertName");
        var displayName = f.Text("alertDisplayName", "DisplayName", "AlertName");
        alertType ??= displayName;
        if (alertType is null)
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, "alert without AlertType or display name", LogFamily.DefenderForCloud);
        }

        var techniques = new List<string>();
        FieldNormalizer.AddStrings(f, "techniques", techniques);
        FieldNormalizer.AddStrings(f, "subTechniques", techniques);

        var start = FlexibleTime.Parse(f.Text("startTimeUtc", "StartTime"));
        var alert = new DefenderAlert(origin, alertType)
        {
            Table = "SecurityAlert",
            Time = start ?? FlexibleTime.Parse(f.Text("timeGeneratedUtc", "TimeGenerated")),
            ResourceId = FieldNormalizer.ResourceId(ResourceOf(f)),
            SystemAlertId = f.Text("systemAlertId") ?? (ReferenceEquals(f, root) ? null : root.Text("name")),
            DisplayName = displayName,
            Description = f.Text("description"),
            Severity = f.Text("severity", "AlertSeverity"),
            Status = f.Text("status"),
            Intent = FieldNormalizer.ListText(f, "intent") ?? f.Text("Tactics"),
            VendorTechniques = techniques,
            CompromisedEntity = f.Text("compromisedEntity"),
            ProductName = f.Text("productName"),
            ProviderName = f.Text("providerName"),
            StartTime = start,
            EndTime = FlexibleTime.Parse(f.Text("endTimeUtc", "EndTime")),
            ExtendedProperties = FieldNormalizer.StringBag(f, "extendedProperties") ?? Internal.EmptyDictionary.Instance,
            EntitiesJson = f.JsonText("entities"),
            TenantId = root.Style == RecordStyle.LogAnalytics ? null : f.Text("AzureResourceTenantId"),
        };
        return LogRecord.FromSignal(alert);
    }

    /// <summary>Reads an Activity log Security-category event (<c>Microsoft.Security/locations/alerts/activate/action</c>).</summary>
    public static LogRecord ParseActivitySecurityEvent(RecordView root, SignalOrigin origin)
    {
        var properties = root.Object("properties");
        var resourceId = root.Text("resourceId");
        var displayName = root.Localizable("eventName") ?? properties?.Text("alertDisplayName");
        var alertType = properties?.Text("alertType") ?? displayName;
        if (alertType is null)
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, "Security event without eventName", LogFamily.DefenderForCloud);
        }

        var alertsIndex = resourceId?.LastIndexOf("/alerts/", StringComparison.OrdinalIgnoreCase) ?? -1;
        var alert = new DefenderAlert(origin, alertType)
        {
            Table = "AzureActivity",
            Time = FlexibleTime.Parse(root.Text("eventTimestamp", "time", "TimeGenerated")),
            ResourceId = FieldNormalizer.ResourceId(resourceId),
            CorrelationId = root.Text("correlationId"),
            TenantId = root.Text("tenantId"),
            SystemAlertId = alertsIndex >= 0 ? resourceId!.Substring(alertsIndex + "/alerts/".Length) : root.Text("eventDataId"),
            DisplayName = displayName,
            Description = root.Text("description"),
            Severity = properties?.Text("severity"),
            Status = root.Localizable("status"),
            Intent = properties is null ? null : FieldNormalizer.ListText(properties, "intent"),
            CompromisedEntity = properties?.Text("compromisedEntity"),
            ExtendedProperties = FieldNormalizer.StringBag(root, "properties") ?? Internal.EmptyDictionary.Instance,
        };
        return LogRecord.FromSignal(alert);
    }

    private static string? ResourceOf(RecordView f)
    {
        if (f.Array("resourceIdentifiers") is { } identifiers)
        {
            foreach (var item in identifiers.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && new JsonRecordView(item).Text("azureResourceId") is { } id)
                {
                    return id;
                }
            }
        }

        return f.Text("azureResourceId", "ResourceId");
    }
}
