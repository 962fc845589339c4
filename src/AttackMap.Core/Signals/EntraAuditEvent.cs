namespace AttackMap.Signals;

/// <summary>An Entra ID audit log event (a directory change).</summary>
public sealed class EntraAuditEvent : Signal
{
    /// <summary>Creates an audit event read from <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the record was read.</param>
    /// <param name="activityDisplayName">The activity as logged (for example <c>Add member to role</c>); spelling is kept exactly.</param>
    public EntraAuditEvent(SignalOrigin origin, string activityDisplayName)
        : base(origin)
    {
        ActivityDisplayName = activityDisplayName ?? string.Empty;
    }

    /// <inheritdoc />
    public override LogFamily Family => LogFamily.EntraAudit;

    /// <inheritdoc />
    public override SignalSource Source => SignalSource.EntraAuditChange;

    /// <inheritdoc />
    public override string MatchKey => ActivityDisplayName;

    /// <summary>Gets the activity as logged, spelling kept exactly (en dashes and trailing blanks included).</summary>
    public string ActivityDisplayName { get; }

    /// <summary>Gets the audit record id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the audit category (<c>UserManagement</c>, <c>RoleManagement</c>, <c>ApplicationManagement</c>, <c>Policy</c>, ...).</summary>
    public string? Category { get; init; }

    /// <summary>Gets the service that logged it (<c>Core Directory</c>, <c>PIM</c>, ...).</summary>
    public string? LoggedByService { get; init; }

    /// <summary>Gets the operation type (<c>Add</c>, <c>Update</c>, <c>Delete</c>, <c>Assign</c>, ...).</summary>
    public string? OperationType { get; init; }

    /// <summary>Gets the result (<c>success</c>, <c>failure</c>, <c>timeout</c>, ...).</summary>
    public string? Result { get; init; }

    /// <summary>Gets the result reason.</summary>
    public string? ResultReason { get; init; }

    /// <summary>Gets a value indicating whether the change succeeded.</summary>
    public bool IsSuccess => Result is null || Result.Length == 0 || Result == "0"
        || Result.Equals("success", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the target resources with their modified properties.</summary>
    public IReadOnlyList<AuditTarget> Targets { get; init; } = Array.Empty<AuditTarget>();

    /// <summary>
    /// Gets a field for rule conditions: <c>activityDisplayName</c>, <c>category</c>, <c>loggedByService</c>,
    /// <c>operationType</c>, <c>result</c>, <c>resultReason</c>, <c>targetType</c> (first target),
    /// <c>modifiedProperties</c> (all changed property names, comma-separated),
    /// <c>modifiedProperties.&lt;name&gt;.newValue</c> and <c>modifiedProperties.&lt;name&gt;.oldValue</c>
    /// (first target that changed it), and <c>targets.&lt;i&gt;.displayName</c>/<c>type</c>/<c>id</c>.
    /// </summary>
    /// <param name="field">The field name or path.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public override string? GetFieldValue(string field)
    {
        switch (field.ToLowerInvariant())
        {
            case "activitydisplayname": return ActivityDisplayName;
            case "category": return Category;
            case "loggedbyservice": return LoggedByService;
            case "operationtype": return OperationType;
            case "result": return Result;
            case "resultreason": return ResultReason;
            case "targettype": return Targets.Count > 0 ? Targets[0].Type : null;
            case "modifiedproperties": return string.Join(",", Targets.SelectMany(t => t.ModifiedProperties).Select(p => p.DisplayName));
        }

        var parts = field.Split('.');
        if (parts.Length >= 3 && parts[0].Equals("modifiedProperties", StringComparison.OrdinalIgnoreCase))
        {
            var name = string.Join(".", parts, 1, parts.Length - 2);
            var which = parts[parts.Length - 1];
            foreach (var property in Targets.SelectMany(t => t.ModifiedProperties))
            {
                if (property.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return which.Equals("oldValue", StringComparison.OrdinalIgnoreCase) ? property.OldValue : property.NewValue;
                }
            }

            return null;
        }

        if (parts.Length == 3 && parts[0].Equals("targets", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1], out var index) && index >= 0 && index < Targets.Count)
        {
            var target = Targets[index];
            return parts[2].ToLowerInvariant() switch
            {
                "displayname" => target.DisplayName,
                "type" => target.Type,
                "id" => target.Id,
                "userprincipalname" => target.UserPrincipalName,
                _ => null,
            };
        }

        return null;
    }
}
