using AttackMap.Internal;

namespace AttackMap.Signals;

/// <summary>An Azure Activity log event (control plane).</summary>
public sealed class AzureActivityEvent : Signal
{
    /// <summary>Creates an Activity event read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="operationName">The operation name (for example <c>Microsoft.Authorization/roleAssignments/write</c>); compared case-insensitively.</param>
    public AzureActivityEvent(SignalOrigin origin, string operationName)
        : base(origin)
    {
        OperationName = operationName ?? string.Empty;
    }

    /// <inheritdoc />
    public override LogFamily Family => LogFamily.AzureActivity;

    /// <inheritdoc />
    public override SignalSource Source
    {
        get
        {
            if (!string.IsNullOrEmpty(Category) && !Category!.Equals("Administrative", StringComparison.OrdinalIgnoreCase)
                && !Category.Equals("Write", StringComparison.OrdinalIgnoreCase)
                && !Category.Equals("Delete", StringComparison.OrdinalIgnoreCase)
                && !Category.Equals("Action", StringComparison.OrdinalIgnoreCase))
            {
                return SignalSource.AzureActivityOther;
            }

            return OperationName.EndsWith("/read", StringComparison.OrdinalIgnoreCase)
                ? SignalSource.AzureActivityRead
                : SignalSource.AzureActivityWrite;
        }
    }

    /// <inheritdoc />
    public override string MatchKey => OperationName;

    /// <summary>Gets the operation name as logged (case varies by export; compare case-insensitively).</summary>
    public string OperationName { get; }

    /// <summary>Gets the event category (<c>Administrative</c>, <c>Security</c>, <c>Policy</c>, <c>ServiceHealth</c>, ...).</summary>
    public string? Category { get; init; }

    /// <summary>Gets the status (<c>Started</c>, <c>Accepted</c>, <c>Succeeded</c>, <c>Failed</c>, or the diagnostic <c>Start</c>/<c>Success</c>/<c>Failure</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Gets the sub-status, usually the HTTP status word.</summary>
    public string? SubStatus { get; init; }

    /// <summary>Gets a value indicating whether the operation failed. Failed operations are kept and marked, not dropped.</summary>
    public bool IsFailed => Status is not null
        && (Status.Equals("Failed", StringComparison.OrdinalIgnoreCase) || Status.Equals("Failure", StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the caller as logged (a UPN, or an object/app id for service principals).</summary>
    public string? Caller { get; init; }

    /// <summary>Gets the event level (<c>Critical</c>, <c>Error</c>, <c>Warning</c>, <c>Informational</c>).</summary>
    public string? Level { get; init; }

    /// <summary>Gets the subscription id.</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>Gets the resource group name.</summary>
    public string? ResourceGroup { get; init; }

    /// <summary>Gets the resource provider namespace (for example <c>Microsoft.Network</c>).</summary>
    public string? ResourceProvider { get; init; }

    /// <summary>Gets the operation id that ties the Start/Accept/Success records of one operation together.</summary>
    public string? OperationId { get; init; }

    /// <summary>Gets the unique event id.</summary>
    public string? EventDataId { get; init; }

    /// <summary>Gets the request body as JSON text, when logged.</summary>
    public string? RequestBody { get; init; }

    /// <summary>Gets the response body as JSON text, when logged.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Gets the event's properties bag as JSON text, when logged.</summary>
    public string? PropertiesJson { get; init; }

    /// <summary>
    /// Gets a field for rule conditions: <c>operationName</c>, <c>category</c>, <c>status</c>, <c>subStatus</c>,
    /// <c>caller</c>, <c>level</c>, <c>resourceProvider</c>, <c>resourceId</c>, <c>isFailed</c>,
    /// <c>requestBody.&lt;path&gt;</c>, <c>responseBody.&lt;path&gt;</c> and <c>properties.&lt;path&gt;</c>.
    /// </summary>
    /// <param name="field">The field name or dotted path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public override string? GetFieldValue(string field)
    {
        switch (field.ToLowerInvariant())
        {
            case "operationname": return OperationName;
            case "category": return Category;
            case "status": return Status;
            case "substatus": return SubStatus;
            case "caller": return Caller;
            case "level": return Level;
            case "resourceprovider": return ResourceProvider;
            case "resourceid": return ResourceId;
            case "isfailed": return IsFailed ? "true" : "false";
            case "requestbody": return RequestBody;
            case "responsebody": return ResponseBody;
        }

        return TryNested(field, "requestBody.", RequestBody)
            ?? TryNested(field, "responseBody.", ResponseBody)
            ?? TryNested(field, "properties.", PropertiesJson);
    }

    private static string? TryNested(string field, string prefix, string? json) =>
        field.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? JsonFieldPath.Resolve(json, field.Substring(prefix.Length)) : null;
}
