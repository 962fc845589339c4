using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Reads an Entra ID audit event from a diagnostic record (current or the 2018 preview), a Graph <c>directoryAudit</c> or an AuditLogs row.</summary>
internal static class AuditParser
{
    public static LogRecord Parse(RecordView root, SignalOrigin origin, bool legacy)
    {
        var f = root.Object("properties") ?? root;
        var activity = f.Text("activityDisplayName") ?? root.Text("operationName");
        if (activity is null)
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, "audit event without activityDisplayName or operationName", LogFamily.EntraAudit);
        }

        var principal = PrincipalOf(root, f, out var actorIp);
        var audit = new EntraAuditEvent(origin, activity)
        {
            Table = "AuditLogs",
            Time = FlexibleTime.Parse(f.Text("activityDateTime")) ?? FlexibleTime.Parse(root.Text("time", "TimeGenerated")),
            Principal = principal,
            ResourceId = FieldNormalizer.ResourceId(root.Text("resourceId", "_ResourceId")),
            IpAddress = FieldNormalizer.Ip(actorIp ?? root.Text("callerIpAddress")),
            CorrelationId = f.Text("correlationId") ?? root.Text("correlationId"),
            TenantId = root.Style == RecordStyle.LogAnalytics ? f.Text("AADTenantId") : root.Text("tenantId"),
            Id = f.Text("id"),
            Category = legacy ? f.Text("auditEventCategory") : f.Text("category"),
            LoggedByService = f.Text("loggedByService"),
            OperationType = f.Text("operationType", "AADOperationType"),
            Result = legacy ? root.Text("resultType") : f.Text("result"),
            ResultReason = f.Text("resultReason"),
            Targets = legacy ? LegacyTargets(f) : Targets(f),
        };
        return LogRecord.FromSignal(audit);
    }

    private static Principal? PrincipalOf(RecordView root, RecordView f, out string? ip)
    {
        ip = null;
        var initiatedBy = f.Object("initiatedBy");
        var user = initiatedBy?.Object("user");
        if (user is not null && (user.Text("id") is not null || user.Text("userPrincipalName") is not null))
        {
            ip = user.Text("ipAddress");
            return new Principal(PrincipalKind.User, user.Text("id"), user.Text("userPrincipalName") ?? user.Text("displayName"));
        }

        var app = initiatedBy?.Object("app");
        if (app is not null && (app.Text("servicePrincipalId") is not null || app.Text("appId") is not null))
        {
            return new Principal(PrincipalKind.ServicePrincipal, app.Text("servicePrincipalId"),
                app.Text("displayName") ?? app.Text("servicePrincipalName"), app.Text("appId"));
        }

        var identity = root.Text("identity") ?? f.Text("InitiatingUserOrApp");
        if (identity is null || identity.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new Principal(identity.IndexOf('@') > 0 ? PrincipalKind.User : PrincipalKind.Unknown, null, identity);
    }

    private static IReadOnlyList<AuditTarget> Targets(RecordView f)
    {
        if (f.Array("targetResources") is not { } array)
        {
            return System.Array.Empty<AuditTarget>();
        }

        var targets = new List<AuditTarget>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var target = new JsonRecordView(item);
            var properties = new List<ModifiedProperty>();
            if (target.Array("modifiedProperties") is { } modified)
            {
                foreach (var property in modified.EnumerateArray())
                {
                    if (property.ValueKind == JsonValueKind.Object)
                    {
                        var p = new JsonRecordView(property);
                        properties.Add(new ModifiedProperty(p.Text("displayName") ?? string.Empty, RawText(p, "oldValue"), RawText(p, "newValue")));
                    }
                }
            }

            targets.Add(new AuditTarget
            {
                Id = target.Text("id"),
                DisplayName = target.Text("displayName"),
                Type = target.Text("type"),
                UserPrincipalName = target.Text("userPrincipalName"),
                ModifiedProperties = properties,
            });
        }

        return targets;
    }

    private static IReadOnlyList<AuditTarget> LegacyTargets(RecordView f)
    {
        var properties = new List<ModifiedProperty>();
        if (f.Array("targetUpdatedProperties") is { } updated)
        {
            foreach (var property in updated.EnumerateArray())
            {
                if (property.ValueKind == JsonValueKind.Object)
                {
                    var p = new JsonRecordView(property);
                    properties.Add(new ModifiedProperty(p.Text("Name") ?? string.Empty, RawText(p, "OldValue"), RawText(p, "NewValue")));
                }
            }
        }

        var name = f.Text("targetResourceName");
        if (name is null && properties.Count == 0)
        {
            return System.Array.Empty<AuditTarget>();
        }

        return new[] { new AuditTarget { DisplayName = name, Type = f.Text("targetResourceType"), ModifiedProperties = properties } };
    }

    // Old/new values keep the empty string: "" and null mean different things in audit changes.
    private static string? RawText(JsonRecordView view, string name) =>
        view.TryGet(name, out var value) ? JsonRecordView.ToText(value) : null;
}
