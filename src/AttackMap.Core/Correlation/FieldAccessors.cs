using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// Direct property readers for the fields rules test most often, so the hot path avoids <see cref="Signal.GetFieldValue"/>
/// (which lower-cases the field name on every call). Anything else falls back to <see cref="Signal.GetFieldValue"/>.
/// </summary>
internal static class FieldAccessors
{
    public static Func<Signal, string?> For(LogFamily family, string field)
    {
        var direct = family switch
        {
            LogFamily.EntraSignIn => SignIn(field.ToLowerInvariant()),
            LogFamily.AzureActivity => Activity(field.ToLowerInvariant()),
            LogFamily.EntraAudit => Audit(field.ToLowerInvariant()),
            LogFamily.EntraRiskDetection => Risk(field.ToLowerInvariant()),
            _ => null,
        };
        return direct ?? (s => s.GetFieldValue(field));
    }

    private static Func<Signal, string?>? SignIn(string field) => field switch
    {
        "resulttype" => s => s is EntraSignIn x ? x.ResultType : s.GetFieldValue(field),
        "risklevelduringsignin" => s => s is EntraSignIn x ? x.RiskLevelDuringSignIn : s.GetFieldValue(field),
        "risklevelaggregated" => s => s is EntraSignIn x ? x.RiskLevelAggregated : s.GetFieldValue(field),
        "location" => s => s is EntraSignIn x ? x.Location : s.GetFieldValue(field),
        "ipaddress" => s => s.IpAddress,
        "clientappused" => s => s is EntraSignIn x ? x.ClientAppUsed : s.GetFieldValue(field),
        "appid" => s => s is EntraSignIn x ? x.AppId : s.GetFieldValue(field),
        _ => null,
    };

    private static Func<Signal, string?>? Activity(string field) => field switch
    {
        "operationname" => s => s is AzureActivityEvent x ? x.OperationName : s.GetFieldValue(field),
        "status" => s => s is AzureActivityEvent x ? x.Status : s.GetFieldValue(field),
        "category" => s => s is AzureActivityEvent x ? x.Category : s.GetFieldValue(field),
        "caller" => s => s is AzureActivityEvent x ? x.Caller : s.GetFieldValue(field),
        "isfailed" => s => s is AzureActivityEvent x ? (x.IsFailed ? "true" : "false") : s.GetFieldValue(field),
        "resourceid" => s => s.ResourceId,
        _ => null,
    };

    private static Func<Signal, string?>? Audit(string field) => field switch
    {
        "activitydisplayname" => s => s is EntraAuditEvent x ? x.ActivityDisplayName : s.GetFieldValue(field),
        "result" => s => s is EntraAuditEvent x ? x.Result : s.GetFieldValue(field),
        "category" => s => s is EntraAuditEvent x ? x.Category : s.GetFieldValue(field),
        "operationtype" => s => s is EntraAuditEvent x ? x.OperationType : s.GetFieldValue(field),
        _ => null,
    };

    private static Func<Signal, string?>? Risk(string field) => field switch
    {
        "risklevel" => s => s is EntraRiskDetection x ? x.RiskLevel : s.GetFieldValue(field),
        "riskeventtype" => s => s is EntraRiskDetection x ? x.RiskEventType : s.GetFieldValue(field),
        "riskstate" => s => s is EntraRiskDetection x ? x.RiskState : s.GetFieldValue(field),
        _ => null,
    };
}
