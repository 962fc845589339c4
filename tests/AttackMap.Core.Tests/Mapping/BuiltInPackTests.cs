using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

public sealed class BuiltInPackTests
{
    private static readonly Lazy<RuleRegistry> Registry = new(() =>
        new RuleRegistryBuilder().AddBuiltInPack().Build(TestCatalogs.Synthetic(RulePack.BuiltIn.Rules.SelectMany(r => r.Techniques))));

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RulePack.BuiltIn.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void BuiltIn_HasBreadthAcrossFamilies()
    {
        var rules = RulePack.BuiltIn.Rules;

        rules.Count.Should().BeGreaterThanOrEqualTo(100);
        foreach (var family in new[] { LogFamily.DefenderForCloud, LogFamily.EntraSignIn, LogFamily.EntraRiskDetection, LogFamily.EntraAudit, LogFamily.AzureActivity })
        {
            rules.Count(r => r.Family == family).Should().BeGreaterThanOrEqualTo(20, family.ToString());
        }

        var alertTypes = rules.Where(r => r.Family == LogFamily.DefenderForCloud).SelectMany(r => r.Keys).ToArray();
        alertTypes.Length.Should().BeGreaterThanOrEqualTo(20);
        foreach (var prefix in new[] { "VM_", "ARM_", "KV_", "Storage.Blob_" })
        {
            alertTypes.Count(k => k.StartsWith(prefix, StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(5, prefix);
        }
    }

    [Fact]
    public void BuiltIn_EveryRuleIsDocumentedAndReviewed()
    {
        foreach (var rule in RulePack.BuiltIn.Rules)
        {
            rule.Rationale.Trim().Length.Should().BeGreaterThan(40, rule.Id);
            rule.Techniques.Should().NotBeEmpty(rule.Id);
            rule.Keys.Should().NotBeEmpty(rule.Id);
            rule.References.Should().NotBeEmpty(rule.Id);
            rule.LastReviewed.Should().BeOneOf(new DateTimeOffset?[] { new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero) }, rule.Id);
            rule.AttackVersion.Should().Be("19.2", rule.Id);
        }
    }

    [Fact]
    public void BuiltIn_ValidatesWithoutProblemsAgainstItsOwnTechniques()
    {
        new RuleRegistryBuilder().AddBuiltInPack().Validate(TestCatalogs.Synthetic(RulePack.BuiltIn.Rules.SelectMany(r => r.Techniques)))
            .Should().BeEmpty();
    }

    [SharedDataFact]
    public void BuiltIn_EveryTechniqueIsCurrentInV19()
    {
        var catalog = TestCatalogs.V19FromSharedData!;

        new RuleRegistryBuilder().AddBuiltInPack().Validate(catalog).Should().BeEmpty();
        foreach (var id in RulePack.BuiltIn.Rules.SelectMany(r => r.Techniques).Distinct())
        {
            catalog.TryGetTechnique(id, out var technique).Should().BeTrue(id);
            technique!.IsCurrent.Should().BeTrue(id);
        }
    }

    [Fact]
    public void BuiltIn_ConditionalRulesAreAllCoveredByTheSignalFactory()
    {
        RulePack.BuiltIn.Rules.Where(r => r.Conditions.Count > 0).Select(r => r.Id)
            .Should().BeEquivalentTo(BuiltInRuleSignals.ConditionalRuleIds);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void BuiltInRule_SignalWithEachKey_IsMappedByThatRule(string ruleId)
    {
        Registry.Value.TryGetRule(ruleId, out var rule).Should().BeTrue();

        foreach (var key in rule!.Keys)
        {
            var evidence = Registry.Value.Classify(BuiltInRuleSignals.For(rule, key)).Where(e => e.Rule.Id == ruleId).ToArray();

            evidence.Select(e => e.Technique.Id).Should().Equal(rule.Techniques, $"key '{key}'");
            evidence.Should().OnlyContain(e => e.Kind == rule.Kind && e.Rationale == rule.Rationale);
        }
    }

    [Theory]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Authorization/roleAssignments/write", "T1098.003", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Authorization/elevateAccess/action", "T1098.003", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE", "T1685.002", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Network/networkSecurityGroups/securityRules/write", "T1686.001", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Compute/virtualMachines/runCommand/action", "T1651", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Security/pricings/write", "T1685", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.KeyVault/vaults/accessPolicies/write", "T1098", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Storage/storageAccounts/listKeys/action", "T1552", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.Resources/subscriptions/resourceGroups/delete", "T1485", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.AzureActivity, "Microsoft.KeyVault/vaults/delete", "T1485", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Add member to role", "T1098.003", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Consent to application", "T1528", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Update application \u2013 Certificates and secrets management ", "T1098.001", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Add service principal credentials", "T1098.001", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Update conditional access policy", "T1556.009", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Delete conditional access policy", "T1556.009", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Set domain authentication", "T1484.002", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Set federation settings on domain", "T1484.002", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "Add user", "T1136.003", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraAudit, "User registered security info", "T1098.005", EvidenceKind.CorrelationContext)]
    [InlineData(LogFamily.EntraSignIn, "50126", "T1110", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraSignIn, "50053", "T1110", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraSignIn, "50057", "T1078.004", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraSignIn, "500121", "T1621", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraSignIn, "7000215", "T1110", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraSignIn, "7000222", "T1078.004", EvidenceKind.NeedsReview)]
    [InlineData(LogFamily.EntraRiskDetection, "unfamiliarFeatures", "T1078.004", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.EntraRiskDetection, "passwordSpray", "T1110.003", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.EntraRiskDetection, "tokenIssuerAnomaly", "T1606.002", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.EntraRiskDetection, "attackerinTheMiddle", "T1557", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.EntraRiskDetection, "mcasSuspiciousInboxManipulationRules", "T1564.008", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.DefenderForCloud, "VM_SshBruteForceSuccess", "T1110.001", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.DefenderForCloud, "ARM_AnomalousElevateAccess", "T1098.003", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.DefenderForCloud, "KV_ListGetAnomaly", "T1555.006", EvidenceKind.DirectDetection)]
    [InlineData(LogFamily.DefenderForCloud, "Storage.Blob_OpenACL", "T1530", EvidenceKind.Precondition)]
    public void BuiltIn_RequiredMapping_HasTechniqueAndKind(LogFamily family, string key, string technique, EvidenceKind kind)
    {
        Signal signal = family switch
        {
            LogFamily.AzureActivity => TestSignals.Activity(key),
            LogFamily.EntraAudit => TestSignals.Audit(key),
            LogFamily.EntraSignIn => TestSignals.SignIn(key, "Browser"),
            LogFamily.EntraRiskDetection => TestSignals.Risk(key),
            _ => TestSignals.Alert(key),
        };

        Registry.Value.Classify(signal).Should().Contain(e => e.Technique.Id == technique && e.Kind == kind);
    }

    [Fact]
    public void BuiltIn_RiskySignInByType_IsDirectDetection()
    {
        var evidence = Registry.Value.Classify(TestSignals.SignIn("0", "Browser", "high", "anonymizedIPAddress"));

        evidence.Select(e => (e.Rule.Id, e.Technique.Id, e.Kind)).Should().BeEquivalentTo(new[]
        {
            ("signin-risk.anonymous-ip", "T1078.004", EvidenceKind.DirectDetection),
            ("signin-risk.anonymous-ip", "T1090.003", EvidenceKind.DirectDetection),
            ("signin.high-risk-success", "T1078.004", EvidenceKind.DirectDetection),
        });
    }

    [Fact]
    public void NearMiss_ReadInsteadOfWrite_IsNotMapped()
    {
        Registry.Value.Classify(TestSignals.Activity("Microsoft.Authorization/roleAssignments/read")).Should().BeEmpty();
        Registry.Value.Classify(TestSignals.Activity("Microsoft.Insights/diagnosticSettings/read")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("443", "*", "Allow", "Inbound")]
    [InlineData("3389", "10.0.0.0/8", "Allow", "Inbound")]
    [InlineData("22", "Internet", "Deny", "Inbound")]
    [InlineData("3389", "*", "Allow", "Outbound")]
    public void NearMiss_NsgRuleNotOpeningManagementPortToInternet_IsOnlyContext(string port, string source, string access, string direction)
    {
        var body = BuiltInRuleSignals.OpenRdpBody.Replace("\"3389\"", "\"" + port + "\"", StringComparison.Ordinal)
            .Replace("\"sourceAddressPrefix\":\"*\"", "\"sourceAddressPrefix\":\"" + source + "\"", StringComparison.Ordinal)
            .Replace("\"Allow\"", "\"" + access + "\"", StringComparison.Ordinal)
            .Replace("\"Inbound\"", "\"" + direction + "\"", StringComparison.Ordinal);

        var evidence = Registry.Value.Classify(TestSignals.Activity("Microsoft.Network/networkSecurityGroups/securityRules/write", body));

        evidence.Select(e => e.Rule.Id).Should().Equal("activity.nsg-rule-write");
        evidence.Single().Kind.Should().Be(EvidenceKind.CorrelationContext);
    }

    [Fact]
    public void NsgRuleOpeningRdpToInternet_AddsDirectDetection()
    {
        var evidence = Registry.Value.Classify(TestSignals.Activity("microsoft.network/networksecuritygroups/securityrules/write", BuiltInRuleSignals.OpenRdpBody));

        evidence.Select(e => (e.Rule.Id, e.Kind)).Should().Equal(
            ("activity.nsg-rule-open-management-port", EvidenceKind.DirectDetection),
            ("activity.nsg-rule-write", EvidenceKind.CorrelationContext));
    }

    [Fact]
    public void NsgRuleWithPortListWithoutManagementPort_IsOnlyContext()
    {
        var body = BuiltInRuleSignals.OpenPortListBody.Replace("\"22\"", "\"8443\"", StringComparison.Ordinal);

        Registry.Value.Classify(TestSignals.Activity("Microsoft.Network/networkSecurityGroups/securityRules/write", body))
            .Select(e => e.Rule.Id).Should().Equal("activity.nsg-rule-write");
        Registry.Value.Classify(TestSignals.Activity("Microsoft.Network/networkSecurityGroups/securityRules/write", BuiltInRuleSignals.OpenPortListBody))
            .Select(e => e.Rule.Id).Should().Equal("activity.nsg-rule-open-management-port-list", "activity.nsg-rule-write");
    }

    [Fact]
    public void NearMiss_ConditionalAccessUpdateThatKeepsPolicyOn_IsOnlyContext()
    {
        var enabled = BuiltInRuleSignals.CaPolicyDisabled.Replace("disabled", "enabled", StringComparison.Ordinal);

        var evidence = Registry.Value.Classify(TestSignals.Audit("Update conditional access policy", new ModifiedProperty("ConditionalAccessPolicy", enabled, enabled)));

        evidence.Select(e => (e.Rule.Id, e.Kind)).Should().Equal(("audit.conditional-access-policy-update", EvidenceKind.CorrelationContext));
    }

    [Fact]
    public void NearMiss_LegacyAuthFailure_IsNotThePreconditionRule()
    {
        var evidence = Registry.Value.Classify(TestSignals.SignIn("50126", "IMAP4"));

        evidence.Select(e => e.Rule.Id).Should().Equal("signin.invalid-password", "signin.legacy-auth-client");
    }

    [Fact]
    public void NearMiss_HighRiskFailureOrLowRiskSuccess_IsNotHighRiskSuccess()
    {
        Registry.Value.Classify(TestSignals.SignIn("50126", "Browser", "high")).Select(e => e.Rule.Id).Should().Equal("signin.invalid-password");
        Registry.Value.Classify(TestSignals.SignIn("0", "Browser", "low")).Should().BeEmpty();
    }

    [Fact]
    public void LeakedCredentials_UserAndWorkload_MapToDifferentTechniques()
    {
        Registry.Value.Classify(TestSignals.Risk("leakedCredentials")).Select(e => (e.Technique.Id, e.Kind))
            .Should().Equal(("T1078.004", EvidenceKind.Precondition));
        Registry.Value.Classify(TestSignals.Risk("leakedCredentials", workloadIdentity: true)).Select(e => (e.Technique.Id, e.Kind))
            .Should().Equal(("T1552.001", EvidenceKind.Precondition));
    }

    [Fact]
    public void NearMiss_PrivateContainerWrite_IsNotMapped()
    {
        Registry.Value.Classify(TestSignals.Activity("Microsoft.Storage/storageAccounts/blobServices/containers/write", """{"properties":{"publicAccess":"None"}}"""))
            .Should().BeEmpty();
    }

    [Fact]
    public void Classify_FromManyThreads_GivesTheSameAnswers()
    {
        var signals = RulePack.BuiltIn.Rules.Select(r => BuiltInRuleSignals.For(r, r.Keys[0])).ToArray();
        var expected = signals.Select(s => string.Join(";", Registry.Value.Classify(s).Select(e => e.Rule.Id + "/" + e.Technique.Id))).ToArray();

        var actual = new string[signals.Length * 8];
        Parallel.For(0, actual.Length, i =>
            actual[i] = string.Join(";", Registry.Value.Classify(signals[i % signals.Length]).Select(e => e.Rule.Id + "/" + e.Technique.Id)));

        for (var i = 0; i < actual.Length; i++)
        {
            actual[i].Should().Be(expected[i % signals.Length]);
        }
    }

    [Fact]
    public void Describe_BuiltIn_CountsEveryFamily()
    {
        var text = Registry.Value.Describe();

        text.Should().StartWith(RulePack.BuiltIn.Rules.Count + " rules, ATT&CK v19.2, ");
        text.Should().Contain("DefenderForCloud").And.Contain("EntraRiskDetection").And.Contain("AzureActivity");
    }
}
