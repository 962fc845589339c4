using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Reads an Azure Activity event from the ARM/portal form, a diagnostic record or an AzureActivity row (both column generations).</summary>
internal static class ActivityParser
{
    private const string ClaimObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string ClaimUpn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    private const string ClaimName = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private const string ClaimTenant = "http://schemas.microsoft.com/identity/claims/tenantid";

    public static LogRecord Parse(RecordView root, SignalOrigin origin)
    {
        var operation = root.Text("OperationNameValue") ?? root.Localizable("operationName");
        if (operation is null)
        {
            return LogRecord.Rejected(origin, RejectionKind.MissingField, "Activity event without operationName", LogFamily.AzureActivity);
        }

        var properties = root.Object("properties");
        var identity = root.Object("identity");
        var claims = root.Object("claims") ?? identity?.Object("claims");
        var evidence = (root.Object("authorization") ?? identity?.Object("authorization"))?.Object("evidence");
        var resourceId = root.Text("resourceId") ?? root.Text("_ResourceId");
        var caller = root.Text("caller")
            ?? claims?.Text(ClaimUpn) ?? claims?.Text(ClaimName) ?? claims?.Text("appid") ?? claims?.Text(ClaimObjectId)
            ?? evidence?.Text("principalId");

        var activity = new AzureActivityEvent(origin, operation)
        {
            Table = "AzureActivity",
            Time = FlexibleTime.Parse(root.Text("eventTimestamp", "time", "TimeGenerated")) ?? FlexibleTime.Parse(root.Text("EventSubmissionTimestamp")),
            Principal = PrincipalOf(caller, claims, evidence),
            ResourceId = FieldNormalizer.ResourceId(resourceId),
            IpAddress = FieldNormalizer.Ip(root.Object("httpRequest")?.Text("clientIpAddress") ?? root.Text("callerIpAddress") ?? claims?.Text("ipaddr")),
            CorrelationId = root.Text("correlationId"),
            TenantId = root.Style == RecordStyle.LogAnalytics ? claims?.Text(ClaimTenant) : root.Text("tenantId") ?? claims?.Text(ClaimTenant),
            Category = properties?.Text("eventCategory") ?? root.Text("CategoryValue") ?? root.Localizable("category"),
            Status = root.Text("ActivityStatusValue") ?? root.Localizable("status") ?? root.Text("resultType") ?? root.Text("ActivityStatus"),
            SubStatus = root.Text("ActivitySubstatusValue") ?? root.Localizable("subStatus") ?? properties?.Text("statusCode") ?? root.Text("ActivitySubstatus"),
            Caller = caller,
            Level = root.Text("level"),
            SubscriptionId = root.Text("subscriptionId") ?? FieldNormalizer.PathSegment(resourceId, "/subscriptions/"),
            ResourceGroup = root.Text("resourceGroupName", "ResourceGroup") ?? FieldNormalizer.PathSegment(resourceId, "/resourceGroups/"),
            ResourceProvider = root.Text("ResourceProviderValue") ?? root.Localizable("resourceProviderName") ?? root.Text("ResourceProvider") ?? ProviderOf(operation),
            OperationId = root.Text("operationId"),
            EventDataId = root.Text("eventDataId"),
            RequestBody = properties?.JsonText("requestBody"),
            ResponseBody = properties?.JsonText("responseBody"),
            PropertiesJson = root.JsonText("properties"),
        };
        return LogRecord.FromSignal(activity);
    }

    internal static Principal? PrincipalOf(string? caller, RecordView? claims, RecordView? evidence)
    {
        var objectId = claims?.Text(ClaimObjectId) ?? evidence?.Text("principalId");
        var upn = claims?.Text(ClaimUpn);
        var principalType = evidence?.Text("principalType");
        var idType = claims?.Text("idtyp");
        var isUser = upn is not null
            || (caller is not null && caller.IndexOf('@') > 0)
            || string.Equals(principalType, "User", StringComparison.OrdinalIgnoreCase)
            || string.Equals(idType, "user", StringComparison.OrdinalIgnoreCase);
        if (isUser)
        {
            return new Principal(PrincipalKind.User, objectId, upn ?? caller);
        }

        if (objectId is null && caller is null)
        {
            return null;
        }

        var appId = claims?.Text("appid");
        var kind = principalType is not null && principalType.IndexOf("Managed", StringComparison.OrdinalIgnoreCase) >= 0
            ? PrincipalKind.ManagedIdentity
            : claims is not null || principalType is not null || Guid.TryParse(caller, out _) ? PrincipalKind.ServicePrincipal : PrincipalKind.Unknown;
        return new Principal(kind, objectId ?? (Guid.TryParse(caller, out _) ? caller : null), Guid.TryParse(caller, out _) ? null : caller, appId);
    }

    private static string? ProviderOf(string operation)
    {
        var slash = operation.IndexOf('/');
        return slash > 0 ? operation.Substring(0, slash) : null;
    }
}
