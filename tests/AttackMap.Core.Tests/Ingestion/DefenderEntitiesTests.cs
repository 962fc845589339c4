using AttackMap.Ingestion;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Ingestion;

/// <summary>Alert entities read through <see cref="LogReader"/> from every shape that carries them.</summary>
public sealed class DefenderEntitiesTests
{
    [Fact]
    public void Read_SecurityAlertCsvEntitiesText_ResolvesProcessReferences()
    {
        var alert = (DefenderAlert)ReadFixture("securityalert-entities.csv").Single().Signal!;

        alert.UnresolvedEntityReferences.Should().BeEmpty();
        alert.Entities.Select(e => e.Type).Should().Equal("host", "account", "file", "filehash", "process", "file", "process", "ip");
        var process = alert.Entities.Single(e => e.IsType("process") && e.Id == "8");
        process.CommandLine.Should().Be("tool.exe -dump lsass");
        process.GetEntity("Account")!.UserPrincipalName.Should().Be("avery.quinn@contoso-lab.example");
        process.GetEntity("Account")!.AadUserId.Should().Be("00000000-0000-4000-8000-0000000000a1");
        process.GetEntity("Account")!.Sid.Should().Be("S-1-5-21-1000000001-1000000002-1000000003-1104");
        process.GetString("ParentProcess.ImageFile.Name").Should().Be("cmd.exe");
        process.GetString("ParentProcess.ImageFile.FileHashes.0.Value").Should().Be("0000000000000000000000000000000000000000000000000000000000000001");
        process.GetEntity("ParentProcess")!.CommandLine.Should().BeNull("a blank command line is no command line");
        process.GetString("ParentProcess.CommandLine").Should().BeEmpty();
        process.GetEntity("Host")!.HostName.Should().Be("vm-lab-01");
        alert.EntityIpAddresses.Should().Equal("203.0.113.45");
        alert.EntityResourceIds.Should().Equal("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.compute/virtualmachines/vm-lab-01");
        alert.GetFieldValue("entities.5.Account.Name").Should().Be("avery.quinn");
        alert.GetFieldValue("entities.7.Algorithm").Should().Be("SHA256", "the last top-level element is a reference to the nested hash");
    }

    [Fact]
    public void Read_ArmAlertPropertiesEntities_CamelCaseKeysAndSessionReferences()
    {
        var alert = (DefenderAlert)ReadFixture("arm-alert-entities.json").Single().Signal!;

        alert.AlertType.Should().Be("ARM_MicroBurst.AzureDomainInfo");
        alert.Entities.Should().HaveCount(7);
        var session = alert.Entities.Single(e => e.IsType("cloud-logon-session"));
        session.GetEntity("account")!.UserPrincipalName.Should().Be("riley.ortega@contoso-lab.example");
        session.GetEntity("Account")!.AadUserId.Should().Be("00000000-0000-4000-8000-0000000000a2");
        session.GetEntity("SourceAddress")!.IpAddress.Should().Be("198.51.100.23");
        session.GetEntity("Application")!.AppDisplayName.Should().Be("Microsoft Azure");
        session.GetEntity("Application")!.AppId.Should().Be("20893");
        alert.Entities[0].AzureResourceId.Should().Be("/subscriptions/00000000-0000-4000-8000-0000000000F2/resourceGroups/RG-LAB/providers/Microsoft.KeyVault/vaults/KV-LAB");
        alert.EntityIpAddresses.Should().Equal(new[] { "198.51.100.23" }, "duplicates and placeholders are dropped");
        alert.EntityResourceIds.Should().Equal("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.keyvault/vaults/kv-lab");
        alert.GetFieldValue("entities.4.account.upnSuffix").Should().Be("contoso-lab.example");
    }

    [Fact]
    public void Read_ContinuousExportEntities_ReusedIdsNestedCycleAndUnknownReferences()
    {
        var alert = (DefenderAlert)ReadFixture("export-entities.jsonl").Single().Signal!;

        alert.Entities.Select(e => e.Type).Should().Equal("azure-resource", "K8s-cluster", "K8s-namespace", "K8s-pod", "container", "ip", "account", "dns", "ip");
        alert.UnresolvedEntityReferences.Should().Equal("9", "7");
        var pod = alert.Entities[3];
        var container = alert.Entities[4];
        pod.GetString("Namespace.Cluster.CloudResource.ResourceId").Should().EndWith("/managedClusters/aks-lab");
        pod.GetEntities("Containers").Should().Equal(container, container);
        container.GetEntity("Pod").Should().BeSameAs(pod, "a reference to the enclosing entity is a cycle");
        container.GetString("Pod.Containers.1.Pod.Name").Should().Be("pod-lab");
        container.UnresolvedReferences.Should().Equal("9");
        pod.UnresolvedReferences.Should().BeEmpty("the unknown reference belongs to the nested container");
        alert.Entities[6].UnresolvedReferences.Should().Equal(new[] { "7" }, "7 is defined only after the account");
        alert.Entities[7].GetEntity("HostIpAddress")!.IpAddress.Should().Be("203.0.113.81");
        alert.Entities[1].GetEntity("CloudResource")!.IsType("azure-resource").Should().BeTrue("id 2 is defined again later, but after this reference");
        alert.EntityIpAddresses.Should().Equal("203.0.113.80", "203.0.113.81");
    }

    [SharedDataFact]
    public void Read_MsticpySecurityAlertCsv_ProcessEntitiesResolve()
    {
        var alerts = ReadShared("defender-alerts/sentinel-securityalert-msticpy-alertlist.csv").Select(r => r.Signal).OfType<DefenderAlert>().ToList();

        var creation = alerts.Single(a => a.SystemAlertId == "2518547570966661760_526e34b6-6578-4fc0-9db6-e126b4d673f0");
        creation.AlertType.Should().Be("Suspicious Account Creation Detected");
        creation.UnresolvedEntityReferences.Should().BeEmpty();
        var net = creation.Entities.Single(e => e.Id == "10");
        net.CommandLine.Should().Be("net  user adm1nistrator bob_testing /add");
        net.GetEntity("Account")!.AccountName.Should().Be("MSTICAdmin");
        net.GetEntity("Account")!.Sid.Should().Be("S-1-5-21-996632719-2361334927-4038480536-500");
        net.GetString("ImageFile.Name").Should().Be("net.exe");
        net.GetString("ParentProcess.ProcessId").Should().Be("0x165c");
        net.GetString("ParentProcess.ImageFile.Name").Should().Be("cmd.exe");
        net.GetEntity("Host")!.HostName.Should().Be("MSTICALERTSWIN1");
        creation.Entities.Single(e => e.IsType("host-logon-session")).GetEntity("Account")!.AccountName.Should().Be("adm1nistrator");

        var mimikatz = alerts.Single(a => a.SystemAlertId == "a32adc3f-43f7-4e5d-b833-98baa71c2f51");
        var process = mimikatz.Entities.Single(e => e.IsType("process"));
        process.GetString("ImageFile.Name").Should().Be("mimikatz.exe");
        process.GetString("Account.Name").Should().Be("admin");
        process.GetString("Account.NTDomain").Should().Be("contoso");
        mimikatz.EntityResourceIds.Should().Equal("/subscriptions/212f9889-769e-45ae-ab43-6da33674bd26/resourcegroups/ascdemorg/providers/microsoft.compute/virtualmachines/vm3");

        alerts.Where(a => a.EntitiesJson is not null && a.EntitiesJson.Contains("\"$ref\"")).Should().NotBeEmpty()
            .And.OnlyContain(a => a.UnresolvedEntityReferences.Count == 0, "every reference in this export names an earlier $id");
    }

    [SharedDataFact]
    public void Read_ContinuousExportSample_ReusedIdsResolveToTheNearestEarlierDefinition()
    {
        var alert = (DefenderAlert)ReadShared("defender-alerts/export-eventhub-continuous-export-mixed-elastic.jsonl")[4].Signal!;

        alert.SystemAlertId.Should().Be("2517184898549829577_cdcf9f94-ec53-47a6-ab87-76130f87218d");
        var php = alert.Entities.Single(e => e.IsType("process") && e.ProcessId == "0x1e99b");
        php.CommandLine.Should().Be("php");
        php.GetEntity("Account")!.AccountName.Should().Be("Sample-account");
        php.GetString("Account.LogonId").Should().Be("0xbd6e");
        php.GetString("ParentProcess.ProcessId").Should().Be("0x1e49a");
        php.GetEntity("Host")!.HostName.Should().Be("Sample-VM");
        php.GetEntity("ImageFile").Should().BeNull("id 8 is first defined after this process");
        php.UnresolvedReferences.Should().Equal("8");
        alert.Entities.Single(e => e.IsType("container") && e.GetString("Name") == "sample-container").UnresolvedReferences.Should().Equal("4");
        var dns = alert.Entities.First(e => e.IsType("dns"));
        dns.GetEntity("HostIpAddress").Should().BeSameAs(dns.GetEntities("IpAdresses").Single(), "the reference names the ip nested just before it");
        dns.GetString("HostIpAddress.Location.City").Should().Be("San Francisco");
        alert.EntityIpAddresses.Should().Equal("81.2.69.142");
        alert.EntityResourceIds.Should().Contain("/subscriptions/12cabcb4-86e8-404f-a3d2-1dc9982f45ca/resourcegroups/sample-rg/providers/microsoft.compute/virtualmachines/sample-vm");
    }

    private static List<LogRecord> ReadFixture(string name) =>
        new LogReader().Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signals", name)).ToList();

    private static List<LogRecord> ReadShared(string relative) => new LogReader().Read(SharedData.PathOf(Path.Combine("samples", relative))).ToList();
}
