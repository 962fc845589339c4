using AttackMap.Detections;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Detections;

/// <summary>
/// The tables every rule in <c>../shared/data/sentinel-rules</c> reads. The expected sets were written by reading each
/// query (including the expansions of its let-bound functions), not from the extractor's output.
/// </summary>
public sealed class KqlTablesSentinelRuleTests
{
    public static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AADHybridHealthADFSNewServer.yaml"] = new[] { "AzureActivity" },
        ["ADFSDomainTrustMods.yaml"] = new[] { "AuditLogs" },
        ["AdditionofaTemporaryAccessPasstoaPrivilegedAccount.yaml"] = new[] { "AuditLogs", "IdentityInfo" },
        ["AzDiagSettingsDeleted.yaml"] = new[] { "AzureActivity" },
        ["AzureADRoleManagementPermissionGrant.yaml"] = new[] { "AuditLogs" },
        ["Azure_CIS_521.yaml"] = new[] { "AzureActivity" },
        ["Conditional Access - A Conditional Access policy was deleted.yaml"] = new[] { "AuditLogs" },
        ["CoreBackupDeletionwithSecurityAlert.yaml"] = new[] { "CoreAzureBackup", "SecurityAlert" },
        ["Creation_of_Expensive_Computes_in_Azure.yaml"] = new[] { "AzureActivity" },
        ["CredentialAddedAfterAdminConsent.yaml"] = new[] { "AuditLogs" },
        ["DetectPIMAlertDisablingActivity.yaml"] = new[] { "AuditLogs" },
        ["ExplicitMFADeny.yaml"] = new[] { "AADNonInteractiveUserSignInLogs", "DeviceInfo", "SigninLogs" },
        ["Granting_Permissions_To_Account_detection.yaml"] = new[] { "AzureActivity", "IdentityInfo" },
        ["MFADisable.yaml"] = new[] { "AWSCloudTrail", "AuditLogs" },
        ["MFARejectedbyUser.yaml"] = new[] { "BehaviorAnalytics", "IdentityInfo", "SigninLogs" },
        ["MFASpammingfollowedbySuccessfullogin.yaml"] = new[] { "SigninLogs" },
        ["New-CloudShell-User.yaml"] = new[] { "AzureActivity" },
        ["NewAppOrServicePrincipalCredential.yaml"] = new[] { "AuditLogs" },
        ["NewOnmicrosoftDomainAdded.yaml"] = new[] { "AuditLogs" },
        ["NewResourceGroupsDeployedTo.yaml"] = new[] { "AzureActivity" },
        ["PossibleSignInfromAzureBackdoor.yaml"] = new[] { "AuditLogs", "SigninLogs" },
        ["PrivlegedRoleAssignedOutsidePIM.yaml"] = new[] { "AuditLogs" },
        ["RareOperations.yaml"] = new[] { "AzureActivity" },
        ["RareRunCommandPowerShellScript.yaml"] = new[] { "AzureActivity", "DeviceEvents", "DeviceFileEvents" },
        ["ServicePrincipalAssignedAppRoleWithSensitiveAccess.yaml"] = new[] { "AuditLogs" },
        ["SigninAttemptsByIPviaDisabledAccounts.yaml"] = new[] { "AADNonInteractiveUserSignInLogs", "BehaviorAnalytics", "SigninLogs" },
        ["SigninPasswordSpray.yaml"] = new[] { "AADNonInteractiveUserSignInLogs", "SigninLogs" },
        ["SubscriptionMigration.yaml"] = new[] { "AzureActivity" },
        ["SuspiciousSignInFollowedByMFAModification.yaml"] = new[] { "AuditLogs", "BehaviorAnalytics" },
        ["Suspicious_WorkSpaceDeletion_Attempt.yaml"] = new[] { "AzureActivity", "IdentityInfo", "SecurityAlert" },
        ["TimeSeriesAnomaly_Mass_Cloud_Resource_Deletions.yaml"] = new[] { "AzureActivity" },
        ["UserStatechangedfromGuesttoMember.yaml"] = new[] { "AuditLogs" },
        ["arm/Creation of expensive computes in Azure.json"] = new[] { "AzureActivity" },
        ["arm/MFA disabled for a user.json"] = new[] { "AWSCloudTrail", "AuditLogs" },
    };

    [SharedDataFact]
    public void Extract_EverySharedRule_ReturnsTheTablesItsQueryReads()
    {
        var queries = SentinelRuleQueries.Read(SharedData.PathOf("sentinel-rules"));

        queries.Keys.Should().BeEquivalentTo(Expected.Keys, "every rule file has an expected table set");
        foreach (var (key, query) in queries)
        {
            KqlTables.Extract(query).Should().Equal(Expected[key], "rule {0}", key);
        }
    }
}
