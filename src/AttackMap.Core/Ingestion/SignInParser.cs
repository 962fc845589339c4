using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Reads an Entra ID sign-in from a diagnostic record, a Graph <c>signIn</c> or a Sentinel row.</summary>
internal static class SignInParser
{
    public static LogRecord Parse(RecordView root, SignalOrigin origin, SignInKind? kindHint)
    {
        // Diagnostic records carry the sign-in in "properties"; Graph objects and table rows are flat.
        var f = root.Object("properties") ?? root;
        var status = f.Object("status");

        var resultType = root.Text("resultType") ?? f.Text("ResultType") ?? status?.Text("errorCode") ?? "0";
        var kind = kindHint ?? InferKind(f);

        var riskTypes = new List<string>();
        FieldNormalizer.AddStrings(f, "riskEventTypes_v2", riskTypes);
        FieldNormalizer.AddStrings(f, "riskEventTypes", riskTypes);

        var fields = new SignInFields
        {
            ResultTypeRoot = resultType,
            UserId = f.Text("userId"),
            UserPrincipalName = f.Text("userPrincipalName"),
            ServicePrincipalId = f.Text("servicePrincipalId"),
            ServicePrincipalName = f.Text("servicePrincipalName"),
            AppId = f.Text("appId"),
            ParsedTime = FlexibleTime.Parse(f.Text("createdDateTime")) ?? FlexibleTime.Parse(root.Text("time", "TimeGenerated")),
            ResourceId = FieldNormalizer.ResourceId(root.Text("resourceId", "_ResourceId")),
            IpAddress = FieldNormalizer.Ip(f.Text("ipAddress") ?? root.Text("callerIpAddress")),
            CorrelationId = f.Text("correlationId") ?? root.Text("correlationId"),
            TenantId = TenantOf(root, f),
            HomeTenantId = f.Text("homeTenantId"),
            Id = f.Text("id"),
            ResultDescriptionRoot = root.Text("resultDescription") ?? f.Text("ResultDescription") ?? status?.Text("failureReason"),
            AppDisplayName = f.Text("appDisplayName"),
            ClientAppUsed = f.Text("clientAppUsed"),
            ResourceDisplayName = f.Text("resourceDisplayName"),
            Location = LocationOf(root, f),
            AutonomousSystemNumber = f.Text("autonomousSystemNumber"),
            UserAgent = f.Text("userAgent"),
            RiskLevelDuringSignIn = f.Text("riskLevelDuringSignIn"),
            RiskLevelAggregated = f.Text("riskLevelAggregated"),
            RiskState = f.Text("riskState"),
            RiskEventTypes = riskTypes,
            AuthenticationRequirement = f.Text("authenticationRequirement"),
            ConditionalAccessStatus = f.Text("conditionalAccessStatus"),
        };

        // Fallback fields are read only when needed, as a field that cannot be read rejects the record.
        if (kind is not (SignInKind.ServicePrincipal or SignInKind.ManagedIdentity) && fields.UserPrincipalName is null)
        {
            fields.UserDisplayName = f.Text("userDisplayName") ?? root.Text("identity");
        }

        return fields.Build(origin, kind);
    }

    internal static string TableOf(SignInKind kind) => kind switch
    {
        SignInKind.UserNonInteractive => "AADNonInteractiveUserSignInLogs",
        SignInKind.ServicePrincipal => "AADServicePrincipalSignInLogs",
        SignInKind.ManagedIdentity => "AADManagedIdentitySignInLogs",
        _ => "SigninLogs",
    };

    internal static string? TenantOf(RecordView root, RecordView f) =>
        root.Style == RecordStyle.LogAnalytics
            ? f.Text("AADTenantId") ?? f.Text("ResourceTenantId")
            : root.Text("tenantId") ?? f.Text("resourceTenantId") ?? f.Text("homeTenantId");

    private static string? LocationOf(RecordView root, RecordView f)
    {
        var location = f.Object("location");
        if (location is not null)
        {
            return location.Text("countryOrRegion") ?? root.Text("location");
        }

        return f.Text("location") ?? root.Text("location") ?? f.Object("LocationDetails")?.Text("countryOrRegion");
    }

    private static SignInKind InferKind(RecordView f)
    {
        var types = new List<string>();
        FieldNormalizer.AddStrings(f, "signInEventTypes", types);
        foreach (var type in types)
        {
            switch (type.ToLowerInvariant())
            {
                case "interactiveuser": return SignInKind.UserInteractive;
                case "noninteractiveuser": return SignInKind.UserNonInteractive;
                case "serviceprincipal": return SignInKind.ServicePrincipal;
                case "managedidentity": return SignInKind.ManagedIdentity;
            }
        }

        if (f.Object("managedServiceIdentity")?.Text("msiType") is { } msi && !msi.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return SignInKind.ManagedIdentity;
        }

        if (f.Text("userId") is null && f.Text("userPrincipalName") is null && f.Text("servicePrincipalId") is not null)
        {
            return SignInKind.ServicePrincipal;
        }

        var interactive = f.Text("isInteractive");
        return interactive is not null && interactive.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? SignInKind.UserNonInteractive
            : SignInKind.UserInteractive;
    }
}
