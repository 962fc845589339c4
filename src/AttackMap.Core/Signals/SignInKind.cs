namespace AttackMap.Signals;

/// <summary>The kind of Entra ID sign-in, which is also the table it is logged in.</summary>
public enum SignInKind
{
    /// <summary>An interactive user sign-in (<c>SigninLogs</c>).</summary>
    UserInteractive = 0,

    /// <summary>A non-interactive user sign-in, such as a token refresh (<c>AADNonInteractiveUserSignInLogs</c>).</summary>
    UserNonInteractive = 1,

    /// <summary>A service principal sign-in (<c>AADServicePrincipalSignInLogs</c>).</summary>
    ServicePrincipal = 2,

    /// <summary>A managed identity sign-in (<c>AADManagedIdentitySignInLogs</c>).</summary>
    ManagedIdentity = 3,
}
