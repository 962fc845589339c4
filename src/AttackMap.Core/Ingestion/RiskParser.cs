using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Reads an Entra ID Protection risk detection or risky-user/-service-principal record.</summary>
internal static class RiskParser
{
    public static LogRecord Parse(RecordView root, SignalOrigin origin, string table)
    {
        var f = root.Object("properties") ?? root;
        var isRiskyUser = table.Equals("AADRiskyUsers", StringComparison.OrdinalIgnoreCase);
        var isRiskySp = table.Equals("AADRiskyServicePrincipals", StringComparison.OrdinalIgnoreCase);
        var isWorkload = isRiskySp || table.Equals("AADServicePrincipalRiskEvents", StringComparison.OrdinalIgnoreCase);

        var riskEventType = isRiskyUser ? "riskyUser" : isRiskySp ? "riskyServicePrincipal" : f.Text("riskEventType", "riskType");
        if (riskEventType is null)
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, "risk detection without riskEventType", LogFamily.EntraRiskDetection);
        }

        Principal principal;
        if (isWorkload)
        {
            principal = new Principal(PrincipalKind.ServicePrincipal, f.Text("servicePrincipalId") ?? (isRiskySp ? f.Text("id") : null),
                f.Text("servicePrincipalDisplayName", "displayName"), f.Text("appId"));
        }
        else
        {
            var userId = f.Text("userId") ?? (isRiskyUser ? f.Text("id") : null);
            principal = new Principal(PrincipalKind.User, userId, f.Text("userPrincipalName") ?? f.Text("userDisplayName") ?? root.Text("identity"));
        }

        var location = f.Object("location");
        var detection = new EntraRiskDetection(origin, riskEventType)
        {
            Table = table,
            Time = FlexibleTime.Parse(f.Text("activityDateTime"))
                ?? FlexibleTime.Parse(f.Text("detectedDateTime"))
                ?? FlexibleTime.Parse(f.Text("riskLastUpdatedDateTime"))
                ?? FlexibleTime.Parse(root.Text("time", "TimeGenerated")),
            Principal = principal.IsEmpty ? null : principal,
            ResourceId = FieldNormalizer.ResourceId(root.Text("resourceId", "_ResourceId")),
            IpAddress = FieldNormalizer.Ip(f.Text("ipAddress") ?? root.Text("callerIpAddress")),
            CorrelationId = f.Text("correlationId") ?? root.Text("correlationId"),
            TenantId = SignInParser.TenantOf(root, f),
            Id = f.Text("id"),
            IsWorkloadIdentity = isWorkload,
            RiskLevel = f.Text("riskLevel"),
            RiskState = f.Text("riskState"),
            RiskDetail = f.Text("riskDetail"),
            DetectionTimingType = f.Text("detectionTimingType"),
            DetectionSource = f.Text("source"),
            RequestId = f.Text("requestId"),
            Location = location is not null ? location.Text("countryOrRegion") : f.Text("location"),
            AdditionalInfo = f.JsonText("additionalInfo"),
        };
        return LogRecord.FromSignal(detection);
    }
}
