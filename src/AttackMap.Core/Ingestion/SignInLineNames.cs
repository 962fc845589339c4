using System.Text;
using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>
/// The property names <see cref="SignInLineParser"/> keeps, as UTF-8, with a lookup by byte length. A name that
/// equals a kept name only case-insensitively, a duplicate, an escaped or non-ASCII name, or a name that changes how
/// the record is classified declines the fast path, because the general path resolves those cases itself.
/// </summary>
internal static class SignInLineNames
{
    public const int Unknown = -1;
    public const int Decline = -2;

    public const int RootTime = 0;
    public const int RootTimeGenerated = 1;
    public const int RootResourceId = 2;
    public const int RootUnderscoreResourceId = 3;
    public const int RootCallerIpAddress = 4;
    public const int RootCorrelationId = 5;
    public const int RootTenantId = 6;
    public const int RootResultType = 7;
    public const int RootResultDescription = 8;
    public const int RootLocation = 9;
    public const int RootIdentity = 10;
    public const int RootCategory = 11;
    public const int RootProperties = 12;

    public const int CreatedDateTime = 0;
    public const int IpAddress = 1;
    public const int CorrelationId = 2;
    public const int HomeTenantId = 3;
    public const int Id = 4;
    public const int UserPrincipalName = 5;
    public const int AppId = 6;
    public const int AppDisplayName = 7;
    public const int ClientAppUsed = 8;
    public const int ResourceDisplayName = 9;
    public const int AutonomousSystemNumber = 10;
    public const int UserAgent = 11;
    public const int RiskLevelDuringSignIn = 12;
    public const int RiskLevelAggregated = 13;
    public const int RiskState = 14;
    public const int AuthenticationRequirement = 15;
    public const int ConditionalAccessStatus = 16;
    public const int UserId = 17;
    public const int ServicePrincipalId = 18;
    public const int ServicePrincipalName = 19;
    public const int UserDisplayName = 20;
    public const int ResourceTenantId = 21;
    public const int Location = 22;
    public const int RiskEventTypesV2 = 23;
    public const int RiskEventTypes = 24;
    public const int Status = 25;

    // Kept root fields, then (from RootDeclineFrom) names that make the general path classify or unwrap differently.
    public static readonly byte[][] Root = Utf8(
        "time", "TimeGenerated", "resourceId", "_ResourceId", "callerIpAddress", "correlationId", "tenantId", "resultType",
        "resultDescription", "location", "identity", "category", "properties", "$table", "type", "records", "value");

    // Kept sign-in fields, then (from PropertiesDeclineFrom) names the general path reads in ways this path does not.
    public static readonly byte[][] Properties = Utf8(
        "createdDateTime", "ipAddress", "correlationId", "homeTenantId", "id", "userPrincipalName", "appId", "appDisplayName",
        "clientAppUsed", "resourceDisplayName", "autonomousSystemNumber", "userAgent", "riskLevelDuringSignIn", "riskLevelAggregated",
        "riskState", "authenticationRequirement", "conditionalAccessStatus", "userId", "servicePrincipalId", "servicePrincipalName",
        "userDisplayName", "resourceTenantId", "location", "riskEventTypes_v2", "riskEventTypes", "status",
        "ResultType", "ResultDescription", "LocationDetails");

    public static readonly byte[][] StatusNames = Utf8("errorCode", "failureReason");

    public static readonly byte[][] LocationNames = Utf8("countryOrRegion");

    private const int RootDeclineFrom = 13;
    private const int PropertiesDeclineFrom = 26;
    private static readonly int[][] RootByLength = ByLength(Root);
    private static readonly int[][] PropertiesByLength = ByLength(Properties);

    /// <summary>Returns whether a root field is only a fallback (read when the sign-in field is missing), so it stays undecoded until needed.</summary>
    public static bool IsFallbackRoot(int index) =>
        index is RootTime or RootTimeGenerated or RootCallerIpAddress or RootCorrelationId or RootIdentity;

    /// <summary>Matches the root property name under the reader; marks it seen.</summary>
    public static int MatchRoot(ref Utf8JsonReader reader, ref ulong seen) => Match(ref reader, Root, RootByLength, RootDeclineFrom, ref seen);

    /// <summary>Matches the <c>properties</c> property name under the reader; marks it seen.</summary>
    public static int MatchProperty(ref Utf8JsonReader reader, ref ulong seen) =>
        Match(ref reader, Properties, PropertiesByLength, PropertiesDeclineFrom, ref seen);

    /// <summary>Matches a name of a small nested object against one or two kept names: their index, <see cref="Unknown"/> or <see cref="Decline"/>.</summary>
    public static int MatchPair(ref Utf8JsonReader reader, byte[][] names)
    {
        if (!IsPlain(ref reader, out var name))
        {
            return Decline;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }

            if (EqualsIgnoreCase(name, names[i]))
            {
                return Decline;
            }
        }

        return Unknown;
    }

    private static int Match(ref Utf8JsonReader reader, byte[][] names, int[][] byLength, int declineFrom, ref ulong seen)
    {
        if (!IsPlain(ref reader, out var name))
        {
            return Decline;
        }

        if (name.Length >= byLength.Length)
        {
            return Unknown;
        }

        foreach (var index in byLength[name.Length])
        {
            if (!name.SequenceEqual(names[index]))
            {
                if (!EqualsIgnoreCase(name, names[index]))
                {
                    continue;
                }

                return Decline;
            }

            var bit = 1UL << index;
            if (index >= declineFrom || (seen & bit) != 0)
            {
                return Decline;
            }

            seen |= bit;
            return index;
        }

        return Unknown;
    }

    // Escaped names and non-ASCII names (which could equal a kept name under ordinal-ignore-case folding) decline.
    private static bool IsPlain(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        name = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

#if NET8_0_OR_GREATER
        return Ascii.IsValid(name);
#else
        foreach (var b in name)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
#endif
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> name, byte[] target)
    {
        if (name.Length != target.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var a = name[i];
            var b = target[i];
            if (a != b && Lower(a) != Lower(b))
            {
                return false;
            }
        }

        return true;
    }

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    private static byte[][] Utf8(params string[] names)
    {
        var bytes = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            bytes[i] = Encoding.UTF8.GetBytes(names[i]);
        }

        return bytes;
    }

    private static int[][] ByLength(byte[][] names)
    {
        var max = 0;
        foreach (var name in names)
        {
            max = Math.Max(max, name.Length);
        }

        var buckets = new List<int>[max + 1];
        for (var i = 0; i < names.Length; i++)
        {
            (buckets[names[i].Length] ??= new List<int>()).Add(i);
        }

        var result = new int[max + 1][];
        for (var length = 0; length <= max; length++)
        {
            result[length] = buckets[length]?.ToArray() ?? Array.Empty<int>();
        }

        return result;
    }
}
