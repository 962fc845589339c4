using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AttackMap.Benchmarks;

/// <summary>
/// Deterministic diagnostic-settings sign-in records (JSON Lines, category SignInLogs and NonInteractiveUserSignInLogs)
/// shaped like real exports: device detail, location with coordinates, status, several conditional-access policies,
/// authentication details and processing details make each line about 3-6 KB. Mostly successes, about 1 in 8 failures,
/// a few risky sign-ins. Identities, GUIDs and IPs are made up (documentation ranges).
/// </summary>
internal static class SyntheticSignInLines
{
    private static readonly string[] Apps = { "Azure Portal", "Microsoft Teams", "Office 365 Exchange Online", "Microsoft Authentication Broker", "Azure CLI", "My Apps" };
    private static readonly string[] Resources = { "Windows Azure Service Management API", "Microsoft Graph", "Office 365 Exchange Online", "Microsoft Teams Services" };
    private static readonly string[] Clients = { "Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync", "IMAP4" };
    private static readonly string[] Countries = { "US", "DE", "GB", "FR", "NL", "JP" };
    private static readonly string[] Cities = { "Seattle", "Berlin", "London", "Paris", "Amsterdam", "Tokyo" };
    private static readonly string[] Policies = { "Require MFA for administrators", "Block legacy authentication", "Require compliant device", "MFA for guests", "Require hybrid joined device", "Block risky sign-ins", "Session lifetime for unmanaged devices", "Require terms of use" };
    private static readonly string[] Methods = { "Password", "Mobile app notification", "Previously satisfied", "FIDO2 security key", "Text message" };
    private static readonly (string Code, string Reason)[] Failures =
    {
        ("50126", "Error validating credentials due to invalid username or password."),
        ("50053", "Account is locked because user tried to sign in too many times with an incorrect user ID or password."),
        ("53003", "Access has been blocked by Conditional Access policies."),
        ("50074", "Strong Authentication is required."),
        ("500121", "Authentication failed during strong authentication request."),
    };

    /// <summary>Generates <paramref name="count"/> records as UTF-8 JSON Lines (every line ends with a line feed).</summary>
    public static byte[] Generate(int count, int seed = 42)
    {
        using var stream = new MemoryStream(count * 5 * 1024);
        Write(stream, count, seed);
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="count"/> records to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, long count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (long i = 0; i < count; i++)
        {
            WriteRecord(writer, random, i, start.AddSeconds(i * 3 + random.Next(3)));
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    private static string Guid(Random random, int kind, long n) =>
        string.Format(CultureInfo.InvariantCulture, "00000000-0000-4000-8{0:x3}-{1:x12}", kind, n + random.Next(4096) * 0x100000000L);

    private static void WriteRecord(Utf8JsonWriter w, Random random, long i, DateTimeOffset time)
    {
        var user = random.Next(500);
        var failure = random.Next(8) == 0 ? Failures[random.Next(Failures.Length)] : default;
        var risky = random.Next(40) == 0;
        var place = random.Next(Countries.Length);
        var app = random.Next(Apps.Length);
        var ip = $"{(random.Next(2) == 0 ? "203.0.113" : "198.51.100")}.{random.Next(1, 255)}";
        var upn = $"user{user:D3}@contoso-lab.example";
        var correlation = Guid(random, 1, i);
        var stamp = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

        w.WriteStartObject();
        w.WriteString("time", stamp + "Z");
        w.WriteString("resourceId", "/tenants/00000000-0000-4000-8000-00000000aad0/providers/Microsoft.aadiam");
        w.WriteString("operationName", "Sign-in activity");
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", random.Next(4) == 0 ? "NonInteractiveUserSignInLogs" : "SignInLogs");
        w.WriteString("tenantId", "00000000-0000-4000-8000-00000000aad0");
        w.WriteString("resultType", failure.Code ?? "0");
        w.WriteString("resultSignature", "None");
        if (failure.Code is not null)
        {
            w.WriteString("resultDescription", failure.Reason);
        }

        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", ip);
        w.WriteString("correlationId", correlation);
        w.WriteString("identity", $"User {user:D3}");
        w.WriteNumber("Level", 4);
        w.WriteString("location", Countries[place]);

        w.WriteStartObject("properties");
        w.WriteString("id", Guid(random, 2, i));
        w.WriteString("createdDateTime", stamp + "+00:00");
        w.WriteString("userDisplayName", $"User {user:D3}");
        w.WriteString("userPrincipalName", upn);
        w.WriteString("userId", Guid(random, 3, user));
        w.WriteString("appId", Guid(random, 4, app));
        w.WriteString("appDisplayName", Apps[app]);
        w.WriteString("ipAddress", ip);
        w.WriteString("clientAppUsed", Clients[random.Next(8) == 0 ? random.Next(Clients.Length) : 0]);
        w.WriteString("userAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");
        w.WriteString("correlationId", correlation);
        w.WriteString("conditionalAccessStatus", failure.Code == "53003" ? "failure" : "success");
        w.WriteString("originalRequestId", Guid(random, 5, i));
        w.WriteBoolean("isInteractive", true);
        w.WriteString("tokenIssuerName", string.Empty);
        w.WriteString("tokenIssuerType", "AzureAD");
        w.WriteNumber("processingTimeInMilliseconds", random.Next(20, 900));
        w.WriteString("riskDetail", "none");
        w.WriteString("riskLevelAggregated", risky ? "medium" : "none");
        w.WriteString("riskLevelDuringSignIn", risky ? "medium" : "none");
        w.WriteString("riskState", risky ? "atRisk" : "none");
        WriteStrings(w, "riskEventTypes", risky ? new[] { "unfamiliarFeatures" } : Array.Empty<string>());
        WriteStrings(w, "riskEventTypes_v2", risky ? new[] { "unfamiliarFeatures" } : Array.Empty<string>());
        w.WriteString("resourceDisplayName", Resources[random.Next(Resources.Length)]);
        w.WriteString("resourceId", Guid(random, 6, app));
        w.WriteString("resourceTenantId", "00000000-0000-4000-8000-00000000aad0");
        w.WriteString("homeTenantId", "00000000-0000-4000-8000-00000000aad0");
        w.WriteString("authenticationRequirement", random.Next(3) == 0 ? "multiFactorAuthentication" : "singleFactorAuthentication");
        w.WriteNumber("autonomousSystemNumber", 64496 + random.Next(15));
        w.WriteString("crossTenantAccessType", "none");
        w.WriteString("uniqueTokenIdentifier", Convert.ToBase64String(Guid(random, 7, i).Select(c => (byte)c).Take(24).ToArray()));
        w.WriteString("incomingTokenType", "none");
        w.WriteString("authenticationProtocol", "none");
        w.WriteBoolean("flaggedForReview", false);
        w.WriteBoolean("isTenantRestricted", false);

        w.WriteStartObject("status");
        w.WriteNumber("errorCode", failure.Code is null ? 0 : int.Parse(failure.Code, CultureInfo.InvariantCulture));
        if (failure.Code is not null)
        {
            w.WriteString("failureReason", failure.Reason);
            w.WriteString("additionalDetails", "The user may need to reset the password or contact the administrator.");
        }

        w.WriteEndObject();

        w.WriteStartObject("deviceDetail");
        w.WriteString("deviceId", random.Next(3) == 0 ? string.Empty : Guid(random, 8, user));
        w.WriteString("displayName", $"LAB-WS-{user:D4}");
        w.WriteString("operatingSystem", random.Next(4) == 0 ? "MacOs" : "Windows10");
        w.WriteString("browser", "Edge 131.0.0");
        w.WriteBoolean("isCompliant", random.Next(5) != 0);
        w.WriteBoolean("isManaged", random.Next(5) != 0);
        w.WriteString("trustType", "Azure AD joined");
        w.WriteEndObject();

        w.WriteStartObject("location");
        w.WriteString("city", Cities[place]);
        w.WriteString("state", Cities[place]);
        w.WriteString("countryOrRegion", Countries[place]);
        w.WriteStartObject("geoCoordinates");
        w.WriteNumber("altitude", 0.0);
        w.WriteNumber("latitude", 47.6 + random.Next(1000) / 1000.0);
        w.WriteNumber("longitude", -122.3 + random.Next(1000) / 1000.0);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("appliedConditionalAccessPolicies");
        var policies = 3 + random.Next(6);
        for (var p = 0; p < policies; p++)
        {
            w.WriteStartObject();
            w.WriteString("id", Guid(random, 9, p));
            w.WriteString("displayName", Policies[p]);
            WriteStrings(w, "enforcedGrantControls", p % 3 == 0 ? new[] { "Mfa" } : new[] { "Block" });
            WriteStrings(w, "enforcedSessionControls", Array.Empty<string>());
            w.WriteNumber("conditionsSatisfied", random.Next(32));
            w.WriteNumber("conditionsNotSatisfied", random.Next(32));
            w.WriteString("result", p == 0 ? "success" : "notApplied");
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("authenticationDetails");
        var steps = 1 + random.Next(3);
        for (var s = 0; s < steps; s++)
        {
            w.WriteStartObject();
            w.WriteString("authenticationStepDateTime", stamp + "+00:00");
            w.WriteString("authenticationMethod", Methods[(s + user) % Methods.Length]);
            w.WriteString("authenticationMethodDetail", "Password in the cloud");
            w.WriteBoolean("succeeded", failure.Code is null || s + 1 < steps);
            w.WriteString("authenticationStepResultDetail", failure.Code is null ? "Correct password" : failure.Reason);
            w.WriteString("authenticationStepRequirement", "Primary authentication");
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("authenticationProcessingDetails");
        foreach (var (key, value) in new[] { ("Legacy TLS (TLS 1.0, 1.1, 3DES)", "False"), ("Is CAE Token", "False"), ("Oauth Scope Info", "[\"openid\",\"profile\",\"email\",\"offline_access\",\"User.Read\"]"), ("Root Key Type", "Unknown") })
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "networkLocationDetails", Array.Empty<string>());
        WriteStrings(w, "authenticationRequirementPolicies", Array.Empty<string>());
        w.WriteStartArray("sessionLifetimePolicies");
        w.WriteStartObject();
        w.WriteString("expirationRequirement", "rememberMultifactorAuthenticationOnTrustedDevices");
        w.WriteString("detail", "The user was required to sign in again according to the session lifetime policy.");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
