using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

/// <summary>The built-in pack against the real catalog: condition rules, near misses, intent, vendor techniques, failed operations.</summary>
public sealed class AzurePackBehaviourTests
{
    private const string NsgWrite = "Microsoft.Network/networkSecurityGroups/securityRules/write";

    private static readonly Lazy<RuleRegistry> Registry = new(() => new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default));

    [Theory]
    [InlineData("""{"properties":{"sourceAddressPrefix":"*","destinationPortRange":"3380-3390","access":"Allow","direction":"Inbound"}}""", "activity.nsg-rule-open-management-port")]
    [InlineData("""{"properties":{"sourceAddressPrefix":"Internet","destinationPortRange":"*","access":"Allow","direction":"Inbound"}}""", "activity.nsg-rule-open-management-port")]
    [InlineData("""{"properties":{"sourceAddressPrefix":"0.0.0.0/0","destinationPortRanges":["80","5985-5986"],"access":"Allow","direction":"Inbound"}}""", "activity.nsg-rule-open-management-port-list")]
    [InlineData("""{"properties":{"sourceAddressPrefixes":["10.0.0.0/8","Internet"],"destinationPortRange":"22","access":"Allow","direction":"Inbound"}}""", "activity.nsg-rule-open-management-port-source-list")]
    [InlineData("""{"properties":{"sourceAddressPrefixes":["*"],"destinationPortRanges":["3389"],"access":"Allow","direction":"Inbound"}}""", "activity.nsg-rule-open-management-port-source-list-port-list")]
    public void NsgRuleOpeningManagementPortToInternet_IsDirectDetection(string body, string ruleId)
    {
        var evidence = Registry.Value.Classify(TestSignals.Activity(NsgWrite, body));

        evidence.Should().ContainSingle(e => e.Kind == EvidenceKind.DirectDetection).Which.Rule.Id.Should().Be(ruleId);
        evidence.Single(e => e.Kind == EvidenceKind.DirectDetection).Technique.Id.Should().Be("T1686.001");
    }

    [Theory]
    [InlineData("""{"properties":{"sourceAddressPrefix":"*","destinationPortRange":"443","access":"Allow","direction":"Inbound"}}""")]
    [InlineData("""{"properties":{"sourceAddressPrefixes":["Internet"],"destinationPortRanges":["443","8080-8090"],"access":"Allow","direction":"Inbound"}}""")]
    [InlineData("""{"properties":{"sourceAddressPrefix":"*","destinationPortRange":"3390-3400","access":"Allow","direction":"Inbound"}}""")]
    [InlineData("""{"properties":{"sourceAddressPrefixes":["10.0.0.0/8","192.168.0.0/16"],"destinationPortRange":"3389","access":"Allow","direction":"Inbound"}}""")]
    [InlineData("""{"properties":{"sourceAddressPrefixes":["Internet"],"destinationPortRange":"22","access":"Deny","direction":"Inbound"}}""")]
    public void NearMiss_NsgRuleNotOpeningManagementPortToInternet_IsOnlyContext(string body)
    {
        var evidence = Registry.Value.Classify(TestSignals.Activity(NsgWrite, body));

        evidence.Should().ContainSingle().Which.Rule.Id.Should().Be("activity.nsg-rule-write");
        evidence[0].Kind.Should().Be(EvidenceKind.CorrelationContext);
    }

    [Fact]
    public void PricingSetToFree_IsDirectDetection_StandardIsOnlyContext()
    {
        var free = Registry.Value.Classify(TestSignals.Activity("Microsoft.Security/pricings/write", """{"properties":{"pricingTier":"Free"}}"""));
        var standard = Registry.Value.Classify(TestSignals.Activity("Microsoft.Security/pricings/write", """{"properties":{"pricingTier":"Standard"}}"""));

        free.Select(e => (e.Rule.Id, e.Kind)).Should().BeEquivalentTo(new[]
        {
            ("activity.defender-plan-change", EvidenceKind.CorrelationContext),
            ("activity.defender-plan-free", EvidenceKind.DirectDetection),
        });
        standard.Select(e => e.Rule.Id).Should().Equal("activity.defender-plan-change");
    }

    [Fact]
    public void BlobPublicAccessEnabled_IsPrecondition_DisabledIsNot()
    {
        var enabled = Registry.Value.Classify(TestSignals.Activity("Microsoft.Storage/storageAccounts/write", """{"properties":{"allowBlobPublicAccess":true}}"""));
        var disabled = Registry.Value.Classify(TestSignals.Activity("Microsoft.Storage/storageAccounts/write", """{"properties":{"allowBlobPublicAccess":false,"networkAcls":{"defaultAction":"Deny"}}}"""));

        enabled.Should().Contain(e => e.Rule.Id == "activity.storage-blob-public-access-enabled" && e.Kind == EvidenceKind.Precondition && e.Technique.Id == "T1530");
        disabled.Select(e => e.Rule.Id).Should().Equal("activity.storage-account-write");
    }

    [Fact]
    public void NearMiss_ReadInsteadOfWrite_IsNotMapped()
    {
        Registry.Value.Classify(TestSignals.Activity("Microsoft.KeyVault/vaults/read")).Should().BeEmpty();
        Registry.Value.Classify(TestSignals.Activity("Microsoft.Security/pricings/read", """{"properties":{"pricingTier":"Free"}}""")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("MICROSOFT.SECURITYINSIGHTS/ALERTRULES/DELETE", "T1685")]
    [InlineData("Microsoft.Insights/dataCollectionRules/delete", "T1685.002")]
    [InlineData("microsoft.eventhub/namespaces/authorizationrules/listkeys/action", "T1552")]
    [InlineData("Microsoft.Web/sites/write", "T1648")]
    [InlineData("Microsoft.KeyVault/locations/deletedVaults/purge/action", "T1485")]
    public void ActivityOperationsBeyondTheReferenceTable_AreContext(string operation, string technique)
    {
        var evidence = Registry.Value.Classify(TestSignals.Activity(operation));

        evidence.Should().ContainSingle().Which.Technique.Id.Should().Be(technique);
        evidence[0].Kind.Should().Be(EvidenceKind.CorrelationContext);
    }

    [Fact]
    public void FailedOperation_IsKeptButMarked()
    {
        var failed = new AzureActivityEvent(TestSignals.Origin(), "Microsoft.Authorization/roleAssignments/write") { Status = "Failed" };
        var succeeded = TestSignals.Activity("Microsoft.Authorization/roleAssignments/write");

        var evidence = Registry.Value.Classify(failed);

        evidence.Should().ContainSingle().Which.IsFailedOperation.Should().BeTrue();
        evidence[0].Technique.Id.Should().Be("T1098.003");
        Registry.Value.Classify(succeeded).Single().IsFailedOperation.Should().BeFalse();
    }

    [Fact]
    public void ExposureAlert_WithoutProbingText_IsPrecondition()
    {
        var alert = new DefenderAlert(TestSignals.Origin(), "VM_ExposedDocker") { DisplayName = "Exposed Docker daemon detected", Description = "The Docker daemon listens on TCP port 2375 and accepts connections from the internet." };

        var evidence = Registry.Value.Classify(alert);

        evidence.Should().ContainSingle().Which.Kind.Should().Be(EvidenceKind.Precondition);
        evidence[0].Technique.Id.Should().Be("T1133");
    }

    [Fact]
    public void ExposureAlert_WhoseTextSaysScanningWasObserved_IsDirectDetectionOfScanning()
    {
        var alert = new DefenderAlert(TestSignals.Origin(), "K8S_ExposedDashboard")
        {
            DisplayName = "Exposed Kubernetes dashboard detected",
            Description = "The dashboard is exposed to the internet and port scanning from 203.0.113.50 was observed against it.",
        };

        var evidence = Registry.Value.Classify(alert);

        evidence.Should().ContainSingle().Which.Rule.Id.Should().Be("defender.k8s-exposed-service-probed");
        evidence[0].Kind.Should().Be(EvidenceKind.DirectDetection);
        evidence[0].Technique.Id.Should().Be("T1595");
    }

    [Fact]
    public void GroupCreated_RoleAssignable_IsRoleGrantPath_OrdinaryGroupNeedsReview()
    {
        var roleAssignable = Registry.Value.Classify(TestSignals.Audit("Add group", new ModifiedProperty("IsAssignableToRole", null, "[true]")));
        var ordinary = Registry.Value.Classify(TestSignals.Audit("add group", new ModifiedProperty("IsAssignableToRole", null, "[false]")));

        roleAssignable.Should().ContainSingle().Which.Technique.Id.Should().Be("T1098.003");
        ordinary.Should().ContainSingle().Which.Kind.Should().Be(EvidenceKind.NeedsReview);
    }

    [Fact]
    public void UserUpdate_MfaMethodChange_IsMfaModification_DisplayNameChangeIsOnlyTheGenericRule()
    {
        var mfa = Registry.Value.Classify(TestSignals.Audit("Update user", new ModifiedProperty("StrongAuthenticationPhoneAppDetail", "[]", "[{}]")));
        var rename = Registry.Value.Classify(TestSignals.Audit("Update user", new ModifiedProperty("DisplayName", "[\"Avery\"]", "[\"Avery Quinn\"]")));

        mfa.Select(e => (e.Rule.Id, e.Technique.Id)).Should().BeEquivalentTo(new[] { ("audit.user-update", "T1098"), ("audit.user-update-mfa-methods", "T1556.006") });
        rename.Select(e => e.Rule.Id).Should().Equal("audit.user-update");
    }

    [Fact]
    public void NearMiss_ConditionalAccessEditThatKeepsPolicyOn_IsNotTheDisableRule()
    {
        const string enabled = """{"displayName":"Require MFA","state":"enabled"}""";
        var evidence = Registry.Value.Classify(TestSignals.Audit("Update conditional access policy", new ModifiedProperty("ConditionalAccessPolicy", enabled, enabled.Replace("Require MFA", "Require MFA v2", StringComparison.Ordinal))));

        evidence.Should().NotContain(e => e.Rule.Id == "audit.conditional-access-policy-disabled");
        evidence.Should().OnlyContain(e => e.Kind == EvidenceKind.CorrelationContext);
    }

    [Theory]
    [InlineData("PreAttack", new[] { "reconnaissance" })]
    [InlineData("Probing", new[] { "reconnaissance" })]
    [InlineData("Exploitation", new[] { "initial-access" })]
    [InlineData("DefenseEvasion, Execution", new[] { "stealth", "defense-impairment", "execution" })]
    [InlineData("Credential Access;Lateral Movement", new[] { "credential-access", "lateral-movement" })]
    [InlineData("PreAttack, Probing", new[] { "reconnaissance" })]
    [InlineData("Unknown", new string[0])]
    [InlineData("", new string[0])]
    public void DefenderIntent_ToTactics_TranslatesNonAttackStages(string intent, string[] expected)
    {
        DefenderIntent.ToTactics(intent).Should().Equal(expected);
    }

    [Fact]
    public void DefenderAlert_IntentNarrowsTheTechniquesTactics_RawIntentKept()
    {
        var alert = new DefenderAlert(TestSignals.Origin(), "SQL.DB_GeoAnomaly") { Intent = "Exploitation" };
        var noIntent = new DefenderAlert(TestSignals.Origin(), "SQL.DB_GeoAnomaly");

        var evidence = Registry.Value.Classify(alert).Single();

        evidence.Technique.Id.Should().Be("T1078");
        evidence.Tactics.Should().Equal("initial-access");
        ((DefenderAlert)evidence.Signal).Intent.Should().Be("Exploitation");
        Registry.Value.Classify(noIntent).Single().Tactics.Should().HaveCount(4);
    }

    [Fact]
    public void VendorTechniques_AgreeingOrDisagreeing_AreReported()
    {
        var agreeing = new DefenderAlert(TestSignals.Origin(), "VM_CryptoCoinMinerExecution") { VendorTechniques = new[] { "T1496" } };
        var disagreeing = new DefenderAlert(TestSignals.Origin(), "VM_CryptoCoinMinerExecution") { VendorTechniques = new[] { "T1059.004", "T1105" } };
        var none = new DefenderAlert(TestSignals.Origin(), "VM_CryptoCoinMinerExecution");

        var agree = Registry.Value.Classify(agreeing).Single();
        var disagree = Registry.Value.Classify(disagreeing).Single();

        agree.Technique.Id.Should().Be("T1496.001");
        agree.VendorTechniques.Should().Equal("T1496");
        agree.VendorDisagreement.Should().BeFalse();
        disagree.VendorDisagreement.Should().BeTrue();
        disagree.VendorTechniques.Should().Equal("T1059.004", "T1105");
        Registry.Value.Classify(none).Single().VendorDisagreement.Should().BeFalse();
    }

    [Theory]
    [InlineData("AI.Azure_Jailbreak.ContentFiltering.BlockedAttempt", "T1685", EvidenceKind.DirectDetection)]
    [InlineData("SQL.MySQL_BruteForce", "T1110.001", EvidenceKind.DirectDetection)]
    [InlineData("Synapse.SQLPool_VulnerabilityToSqlInjection", "T1190", EvidenceKind.Precondition)]
    [InlineData("Storage.AccountKey_PubliclyLeaked", "T1552.001", EvidenceKind.Precondition)]
    [InlineData("VM.Windows_SystemEventLogCleared", "T1685.005", EvidenceKind.DirectDetection)]
    [InlineData("K8S.NODE_NamespaceCreation", "T1611", EvidenceKind.DirectDetection)]
    [InlineData("VM_EICAR", "T1204.002", EvidenceKind.NeedsReview)]
    [InlineData("VM_SuspiciousActivity", "T1059", EvidenceKind.NeedsReview)]
    [InlineData("NETWORK_DDOS_DETECTED", "T1498", EvidenceKind.DirectDetection)]
    [InlineData("Suspicious Powershell Activity Detected", "T1059.001", EvidenceKind.DirectDetection)]
    [InlineData("Suspicious Volume Shadow Copy Activity", "T1490", EvidenceKind.DirectDetection)]
    [InlineData("Azure Security Center test alert (not a threat)", "T1204.002", EvidenceKind.NeedsReview)]
    public void DefenderAlertGroups_MapToTheObservedTechnique(string alertType, string technique, EvidenceKind kind)
    {
        var evidence = Registry.Value.Classify(TestSignals.Alert(alertType));

        evidence.Should().ContainSingle().Which.Technique.Id.Should().Be(technique);
        evidence[0].Kind.Should().Be(kind);
    }

    [Fact]
    public void Validate_ConditionOnFieldTheFamilyDoesNotHave_IsReported()
    {
        var rule = new MappingRule("bad-field", LogFamily.EntraRiskDetection, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "A test rationale long enough.")
        {
            Keys = new[] { "unfamiliarFeatures" },
            Conditions = new[] { new RuleCondition("requestBody.properties.access", ConditionOperator.Equals, new[] { "Allow" }) },
            Location = "p.json: rules[0]",
        };
        var good = new MappingRule("good-field", LogFamily.AzureActivity, new[] { "T1686.001" }, EvidenceKind.CorrelationContext, "A test rationale long enough.")
        {
            Keys = new[] { "x/write" },
            Conditions = new[] { new RuleCondition("requestBody.properties.access", ConditionOperator.Equals, new[] { "Allow" }) },
        };

        var problems = new RuleRegistryBuilder().Add(rule).Add(good).Validate(AttackCatalog.Default);

        problems.Should().ContainSingle().Which.Code.Should().Be(RuleProblemCode.UnknownConditionField);
        problems[0].RuleId.Should().Be("bad-field");
        problems[0].Message.Should().Contain("'requestBody.properties.access'").And.Contain("isWorkloadIdentity");
    }

    [Theory]
    [InlineData("3389", true)]
    [InlineData("3380-3390", true)]
    [InlineData("*", true)]
    [InlineData("""["443","21-23"]""", true)]
    [InlineData("443", false)]
    [InlineData("3390-3400", false)]
    [InlineData("""["443","8080"]""", false)]
    [InlineData("not-a-port", false)]
    public void PortSpec_IncludesAny_ReadsSinglesRangesAndLists(string spec, bool expected)
    {
        PortSpec.IncludesAny(spec, new[] { "22", "3389" }).Should().Be(expected);
    }

    [Fact]
    public void RuleReview_FindStale_ListsOldAndNeverReviewedRules()
    {
        var asOf = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
        MappingRule Make(string id, DateTimeOffset? reviewed) =>
            new(id, LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.CorrelationContext, "why") { LastReviewed = reviewed };
        var rules = new[]
        {
            Make("fresh", asOf.AddDays(-10)),
            Make("old", asOf.AddDays(-200)),
            Make("never", null),
            Make("edge", asOf.AddDays(-180)),
        };

        RuleReview.FindStale(rules, asOf, TimeSpan.FromDays(180)).Select(r => r.Id).Should().Equal("never", "old");
    }
}
