namespace AttackMap.Signals;

/// <summary>A property an Entra ID audit event changed, with its old and new values as logged (often JSON text).</summary>
/// <param name="DisplayName">The property name (for example <c>StrongAuthenticationMethod</c> or <c>Role.DisplayName</c>).</param>
/// <param name="OldValue">The value before the change, as logged.</param>
/// <param name="NewValue">The value after the change, as logged.</param>
public sealed record ModifiedProperty(string DisplayName, string? OldValue, string? NewValue);
