using System.Globalization;
using System.Text;

namespace AttackMap.Benchmarks;

/// <summary>
/// Deterministic synthetic log files in the shapes tenants export: Azure Monitor diagnostic-settings JSON Lines of all five
/// families, and a Sentinel / Log Analytics CSV export (a union of SigninLogs, AzureActivity and AuditLogs rows).
/// Field sizes follow real records (about 1.4 KB a JSON record); the mix is <see cref="SignalMix"/>.
/// </summary>
internal static class SyntheticLogs
{
    private static readonly string[] MappedOperations = SignalMix.MappedOperations;
    private static readonly string[] RoutineOperations = SignalMix.RoutineOperations;
    private static readonly string[] MappedActivities = SignalMix.MappedActivities;
    private static readonly string[] RoutineActivities = SignalMix.RoutineActivities;
    private static readonly string[] FailureCodes = SignalMix.FailureCodes;
    private static readonly string[] RoutineCodes = SignalMix.RoutineCodes;
    private static readonly string[] Apps = SignalMix.Apps;

    /// <summary>Writes <paramref name="count"/> JSON Lines diagnostic records of mixed families in the proportions of <see cref="SignalMix"/>.</summary>
    public static void WriteJsonLines(TextWriter writer, int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var line = new StringBuilder(2048);
        for (var i = 0; i < count; i++)
        {
            line.Clear();
            var keys = new Keys(random, i);
            var roll = random.Next(1000);
            var mapped = random.Next(1000);
            if ((roll -= SignalMix.SignIns) < 0)
            {
                var failed = mapped < SignalMix.FailedSignIns;
                SignInJson(line, keys, failed ? FailureCodes[random.Next(FailureCodes.Length)] : RoutineCodes[random.Next(RoutineCodes.Length)], failed && random.Next(3) == 0 ? SignalMix.RiskTypes[random.Next(SignalMix.RiskTypes.Length)] : null, random);
            }
            else if ((roll -= SignalMix.Activity) < 0)
            {
                ActivityJson(line, keys, mapped < SignalMix.SensitiveActivity ? MappedOperations[random.Next(MappedOperations.Length)] : RoutineOperations[random.Next(RoutineOperations.Length)]);
            }
            else if ((roll -= SignalMix.Audit) < 0)
            {
                AuditJson(line, keys, mapped < 100 ? MappedActivities[random.Next(MappedActivities.Length)] : RoutineActivities[random.Next(RoutineActivities.Length)]);
            }
            else if ((roll -= SignalMix.Risk) < 0)
            {
                RiskJson(line, keys, SignalMix.RiskTypes[random.Next(SignalMix.RiskTypes.Length)]);
            }
            else
            {
                AlertJson(line, keys, mapped < SignalMix.MappedAlerts ? SignalMix.MappedAlertTypes[random.Next(SignalMix.MappedAlertTypes.Length)] : SignalMix.UnmappedAlertTypes[random.Next(SignalMix.UnmappedAlertTypes.Length)]);
            }

            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>The JSON Lines bytes of <see cref="WriteJsonLines"/>.</summary>
    public static byte[] JsonLines(int count, int seed = 20261203)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteJsonLines(text, count, seed);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// The bytes of a Sentinel CSV export with <paramref name="count"/> rows (60% SigninLogs, 25% AzureActivity, 15% AuditLogs),
    /// with the union header a <c>union</c> query exports, quoted JSON columns and the portal's date format.
    /// </summary>
    public static byte[] SentinelCsv(int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(count * 700);
        csv.Append("TenantId,Type,\"TimeGenerated [UTC]\",ResultType,ResultDescription,UserPrincipalName,UserId,AppId,AppDisplayName,IPAddress,Location,ClientAppUsed,")
            .Append("RiskLevelDuringSignIn,RiskLevelAggregated,RiskEventTypes_V2,IsInteractive,CorrelationId,Status,OperationNameValue,CategoryValue,ActivityStatusValue,")
            .Append("Caller,CallerIpAddress,_ResourceId,OperationName,ActivityDisplayName,Category,Result,LoggedByService,InitiatedBy,TargetResources\n");
        for (var i = 0; i < count; i++)
        {
            var keys = new Keys(random, i);
            var mapped = random.Next(1000);
            var roll = random.Next(100);
            var time = keys.Time.ToString("M/d/yyyy, h:mm:ss.fff tt", CultureInfo.InvariantCulture);
            csv.Append(Keys.Tenant).Append(',');
            if (roll < 60)
            {
                var code = mapped < SignalMix.FailedSignIns ? FailureCodes[random.Next(FailureCodes.Length)] : RoutineCodes[random.Next(RoutineCodes.Length)];
                csv.Append("SigninLogs,\"").Append(time).Append("\",").Append(code).Append(',').Append(code == "0" ? string.Empty : "Invalid username or password.").Append(',')
                    .Append(keys.Upn).Append(',').Append(keys.UserId).Append(",00000000-0000-4000-8000-00000000b001,").Append(Apps[random.Next(Apps.Length)]).Append(',')
                    .Append(keys.Ip).Append(",NL,Browser,none,none,[],TRUE,").Append(keys.CorrelationId)
                    .Append(",\"{\"\"errorCode\"\":").Append(code).Append(",\"\"failureReason\"\":\"\"Other.\"\"}\"").Append(",,,,,,,,,,,,,\n");
            }
            else if (roll < 85)
            {
                var operation = mapped < SignalMix.SensitiveActivity ? MappedOperations[random.Next(MappedOperations.Length)] : RoutineOperations[random.Next(RoutineOperations.Length)];
                csv.Append("AzureActivity,\"").Append(time).Append("\",,,,,,,,,,,,,,").Append(keys.CorrelationId).Append(",,")
                    .Append(operation).Append(",Administrative,Success,").Append(keys.Upn).Append(',').Append(keys.Ip).Append(',').Append(keys.Resource).Append(",,,,,,,\n");
            }
            else
            {
                var activity = mapped < 100 ? MappedActivities[random.Next(MappedActivities.Length)] : RoutineActivities[random.Next(RoutineActivities.Length)];
                csv.Append("AuditLogs,\"").Append(time).Append("\",,,,,,,,,,,,,,").Append(keys.CorrelationId).Append(",,,,,,,,")
                    .Append(activity).Append(',').Append(activity).Append(",UserManagement,success,Core Directory,")
                    .Append("\"{\"\"user\"\":{\"\"id\"\":\"\"").Append(keys.UserId).Append("\"\",\"\"userPrincipalName\"\":\"\"").Append(keys.Upn).Append("\"\",\"\"ipAddress\"\":\"\"").Append(keys.Ip).Append("\"\"}}\",")
                    .Append("\"[{\"\"id\"\":\"\"").Append(keys.TargetId).Append("\"\",\"\"displayName\"\":\"\"Target\"\",\"\"type\"\":\"\"User\"\",\"\"modifiedProperties\"\":[]}]\"\n");
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static void SignInJson(StringBuilder s, Keys k, string code, string? riskType, Random random)
    {
        var risky = riskType is not null;
        s.Append("{\"time\":\"").Append(k.Iso).Append("\",\"resourceId\":\"/tenants/").Append(Keys.Tenant).Append("/providers/Microsoft.aadiam\",\"operationName\":\"Sign-in activity\",")
            .Append("\"operationVersion\":\"1.0\",\"category\":\"SignInLogs\",\"tenantId\":\"").Append(Keys.Tenant).Append("\",\"resultType\":\"").Append(code)
            .Append("\",\"resultSignature\":\"None\",\"resultDescription\":\"").Append(code == "0" ? string.Empty : "Invalid username or password or Invalid on-premise username or password.")
            .Append("\",\"durationMs\":0,\"callerIpAddress\":\"").Append(k.Ip).Append("\",\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"identity\":\"Synthetic User ").Append(k.UserIndex)
            .Append("\",\"Level\":4,\"location\":\"NL\",\"properties\":{\"id\":\"").Append(k.RecordId).Append("\",\"createdDateTime\":\"").Append(k.Iso)
            .Append("\",\"userDisplayName\":\"Synthetic User ").Append(k.UserIndex).Append("\",\"userPrincipalName\":\"").Append(k.Upn).Append("\",\"userId\":\"").Append(k.UserId)
            .Append("\",\"appId\":\"00000000-0000-4000-8000-00000000b00").Append(random.Next(Apps.Length)).Append("\",\"appDisplayName\":\"").Append(Apps[random.Next(Apps.Length)])
            .Append("\",\"ipAddress\":\"").Append(k.Ip).Append("\",\"status\":{\"errorCode\":").Append(code).Append(code == "0" ? "}" : ",\"failureReason\":\"Invalid username or password.\"}")
            .Append(",\"clientAppUsed\":\"Browser\",\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\",")
            .Append("\"deviceDetail\":{\"deviceId\":\"\",\"operatingSystem\":\"Windows10\",\"browser\":\"Chrome 131.0.0\"},\"location\":{\"city\":\"Utrecht\",\"state\":\"Utrecht\",\"countryOrRegion\":\"NL\"},")
            .Append("\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"conditionalAccessStatus\":\"notApplied\",\"isInteractive\":true,\"authenticationRequirement\":\"singleFactorAuthentication\",")
            .Append("\"riskLevelDuringSignIn\":\"").Append(risky ? "medium" : "none").Append("\",\"riskLevelAggregated\":\"none\",\"riskState\":\"").Append(risky ? "atRisk" : "none")
            .Append("\",\"riskEventTypes_v2\":[").Append(risky ? "\"" + riskType + "\"" : string.Empty).Append("],\"autonomousSystemNumber\":").Append(64500 + (k.UserIndex % 20))
            .Append(",\"resourceDisplayName\":\"Windows Azure Service Management API\"}}");
    }

    private static void ActivityJson(StringBuilder s, Keys k, string operation)
    {
        s.Append("{\"time\":\"").Append(k.Iso).Append("\",\"resourceId\":\"").Append(k.Resource.ToUpperInvariant()).Append("\",\"operationName\":\"").Append(operation.ToUpperInvariant())
            .Append("\",\"category\":\"Administrative\",\"resultType\":\"Success\",\"resultSignature\":\"Succeeded.OK\",\"durationMs\":\"812\",\"callerIpAddress\":\"").Append(k.Ip)
            .Append("\",\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"identity\":{\"authorization\":{\"scope\":\"").Append(k.Resource).Append("\",\"action\":\"").Append(operation)
            .Append("\",\"evidence\":{\"role\":\"Contributor\",\"principalId\":\"").Append(k.UserId.Replace("-", string.Empty, StringComparison.Ordinal)).Append("\",\"principalType\":\"User\"}},")
            .Append("\"claims\":{\"http://schemas.microsoft.com/identity/claims/objectidentifier\":\"").Append(k.UserId)
            .Append("\",\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"").Append(k.Upn).Append("\",\"appid\":\"00000000-0000-4000-8000-00000000b001\",\"ipaddr\":\"").Append(k.Ip)
            .Append("\"}},\"level\":\"Information\",\"location\":\"global\",\"properties\":{\"statusCode\":\"OK\",\"serviceRequestId\":\"").Append(k.RecordId)
            .Append("\",\"eventCategory\":\"Administrative\",\"entity\":\"").Append(k.Resource).Append("\",\"message\":\"").Append(operation).Append("\",\"hierarchy\":\"").Append(Keys.Tenant).Append("\"}}");
    }

    private static void AuditJson(StringBuilder s, Keys k, string activity)
    {
        s.Append("{\"time\":\"").Append(k.Iso).Append("\",\"resourceId\":\"/tenants/").Append(Keys.Tenant).Append("/providers/Microsoft.aadiam\",\"operationName\":\"").Append(activity)
            .Append("\",\"operationVersion\":\"1.0\",\"category\":\"AuditLogs\",\"tenantId\":\"").Append(Keys.Tenant).Append("\",\"resultSignature\":\"None\",\"durationMs\":0,\"callerIpAddress\":\"").Append(k.Ip)
            .Append("\",\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"Level\":4,\"properties\":{\"id\":\"Directory_").Append(k.RecordId).Append("\",\"category\":\"UserManagement\",")
            .Append("\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"result\":\"success\",\"resultReason\":\"\",\"activityDisplayName\":\"").Append(activity)
            .Append("\",\"activityDateTime\":\"").Append(k.Iso).Append("\",\"loggedByService\":\"Core Directory\",\"operationType\":\"Update\",")
            .Append("\"initiatedBy\":{\"user\":{\"id\":\"").Append(k.UserId).Append("\",\"displayName\":null,\"userPrincipalName\":\"").Append(k.Upn).Append("\",\"ipAddress\":\"").Append(k.Ip).Append("\"}},")
            .Append("\"targetResources\":[{\"id\":\"").Append(k.TargetId).Append("\",\"displayName\":\"Target ").Append(k.UserIndex).Append("\",\"type\":\"User\",\"modifiedProperties\":[{\"displayName\":\"AccountEnabled\",")
            .Append("\"oldValue\":\"[false]\",\"newValue\":\"[true]\"}]}],\"additionalDetails\":[{\"key\":\"UserType\",\"value\":\"Member\"}]}}");
    }

    private static void RiskJson(StringBuilder s, Keys k, string riskType)
    {
        s.Append("{\"time\":\"").Append(k.Iso).Append("\",\"resourceId\":\"/tenants/").Append(Keys.Tenant).Append("/providers/Microsoft.aadiam\",\"operationName\":\"User Risk Detection\",")
            .Append("\"category\":\"UserRiskEvents\",\"tenantId\":\"").Append(Keys.Tenant).Append("\",\"properties\":{\"id\":\"").Append(k.RecordId).Append("\",\"requestId\":\"").Append(k.CorrelationId)
            .Append("\",\"correlationId\":\"").Append(k.CorrelationId).Append("\",\"riskType\":\"").Append(riskType).Append("\",\"riskEventType\":\"").Append(riskType)
            .Append("\",\"riskState\":\"atRisk\",\"riskLevel\":\"medium\",\"riskDetail\":\"none\",\"source\":\"IdentityProtection\",\"detectionTimingType\":\"realtime\",\"activity\":\"signin\",")
            .Append("\"ipAddress\":\"").Append(k.Ip).Append("\",\"activityDateTime\":\"").Append(k.Iso).Append("\",\"detectedDateTime\":\"").Append(k.Iso)
            .Append("\",\"userId\":\"").Append(k.UserId).Append("\",\"userDisplayName\":\"Synthetic User ").Append(k.UserIndex).Append("\",\"userPrincipalName\":\"").Append(k.Upn)
            .Append("\",\"additionalInfo\":\"[{\\\"Key\\\":\\\"userAgent\\\",\\\"Value\\\":\\\"Mozilla/5.0\\\"}]\",\"location\":{\"city\":\"Utrecht\",\"countryOrRegion\":\"NL\"}}}");
    }

    private static void AlertJson(StringBuilder s, Keys k, string alertType)
    {
        s.Append("{\"id\":\"").Append(k.Resource).Append("/providers/Microsoft.Security/locations/westeurope/alerts/2517").Append(k.RecordId).Append("\",\"name\":\"2517").Append(k.RecordId)
            .Append("\",\"type\":\"Microsoft.Security/Locations/alerts\",\"properties\":{\"alertType\":\"").Append(alertType).Append("\",\"systemAlertId\":\"2517").Append(k.RecordId)
            .Append("\",\"alertDisplayName\":\"Synthetic alert\",\"description\":\"A synthetic Defender for Cloud alert for benchmarking.\",\"severity\":\"Medium\",\"status\":\"Active\",")
            .Append("\"intent\":\"Execution\",\"startTimeUtc\":\"").Append(k.Iso).Append("\",\"endTimeUtc\":\"").Append(k.Iso).Append("\",\"timeGeneratedUtc\":\"").Append(k.Iso)
            .Append("\",\"resourceIdentifiers\":[{\"type\":\"AzureResource\",\"azureResourceId\":\"").Append(k.Resource).Append("\"}],\"compromisedEntity\":\"vm").Append(k.UserIndex % 2000)
            .Append("\",\"extendedProperties\":{\"Client IP address\":\"").Append(k.Ip).Append("\"}}}");
    }

    /// <summary>The per-record identities: 10,000 principals, 50,000 resources, 5,000 IPs, one record id each.</summary>
    private readonly struct Keys
    {
        public const string Tenant = "00000000-0000-4000-8000-0000000000f1";
        private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

        public Keys(Random random, int index)
        {
            UserIndex = random.Next(10_000);
            UserId = "00000000-0000-4000-8000-" + UserIndex.ToString("D12", CultureInfo.InvariantCulture);
            Upn = "user" + UserIndex.ToString(CultureInfo.InvariantCulture) + "@contoso-lab.example";
            TargetId = "00000000-0000-4000-8000-" + random.Next(10_000).ToString("D12", CultureInfo.InvariantCulture);
            var ip = random.Next(5_000);
            Ip = (ip < 2500 ? "198.51." : "203.0.") + (ip % 10).ToString(CultureInfo.InvariantCulture) + "." + (ip / 10 % 250).ToString(CultureInfo.InvariantCulture);
            var resource = random.Next(50_000);
            Resource = "/subscriptions/00000000-0000-4000-8000-00000000c0d" + (resource % 4).ToString(CultureInfo.InvariantCulture) + "/resourceGroups/rg-" + (resource % 250).ToString(CultureInfo.InvariantCulture)
                + "/providers/Microsoft.Compute/virtualMachines/vm-" + resource.ToString(CultureInfo.InvariantCulture);
            RecordId = index.ToString("D12", CultureInfo.InvariantCulture) + "-" + random.Next().ToString("x8", CultureInfo.InvariantCulture);
            CorrelationId = "00000000-0000-4000-9000-" + random.Next(1 << 30).ToString("D12", CultureInfo.InvariantCulture);
            Time = Start.AddMilliseconds(index * 37L);
            Iso = Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }

        public int UserIndex { get; }

        public string UserId { get; }

        public string Upn { get; }

        public string TargetId { get; }

        public string Ip { get; }

        public string Resource { get; }

        public string RecordId { get; }

        public string CorrelationId { get; }

        public DateTimeOffset Time { get; }

        public string Iso { get; }
    }
}
