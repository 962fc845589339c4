using AttackMap.Signals;

namespace AttackMap.Tests.Signals;

public sealed class AlertEntityTests
{
    [Fact]
    public void Entities_ProcessWithReferences_ResolvesAccountHostAndParentImage()
    {
        var alert = Alert("""
            [
              {"$id":"2","HostName":"vm-lab-02","AzureID":"/subscriptions/00000000-0000-4000-8000-0000000000F2/resourceGroups/RG-LAB/providers/Microsoft.Compute/virtualMachines/VM-LAB-02","Type":"host"},
              {"$id":"3","Name":"avery.quinn","UPNSuffix":"contoso-lab.example","Host":{"$ref":"2"},"Type":"account"},
              {"$id":"4","Name":"cmd.exe","Type":"file"},
              {"$id":"5","ProcessId":"0x10","ImageFile":{"$ref":"4"},"Type":"process"},
              {"$id":"6","ProcessId":"0x20","CommandLine":"  whoami /all ","Account":{"$ref":"3"},"ParentProcess":{"$ref":"5"},"Host":{"$ref":"2"},"Type":"process"}
            ]
            """);

        alert.Entities.Select(e => e.ToString()).Should().Equal("host $id 2", "account $id 3", "file $id 4", "process $id 5", "process $id 6");
        var process = alert.Entities[4];
        process.CommandLine.Should().Be("whoami /all");
        process.GetString("CommandLine").Should().Be("  whoami /all ", "GetString returns values as published");
        process.GetEntity("Account").Should().BeSameAs(alert.Entities[1]);
        process.GetEntity("Account")!.UserPrincipalName.Should().Be("avery.quinn@contoso-lab.example");
        process.GetString("Account.Host.HostName").Should().Be("vm-lab-02");
        process.GetString("parentprocess.imagefile.NAME").Should().Be("cmd.exe", "keys are case-insensitive");
        process.GetEntity("ParentProcess.ImageFile")!.FileName.Should().Be("cmd.exe");
        process.UnresolvedReferences.Should().BeEmpty();
        alert.UnresolvedEntityReferences.Should().BeEmpty();
        alert.EntityResourceIds.Should().Equal("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.compute/virtualmachines/vm-lab-02");
    }

    [Fact]
    public void Entities_UnknownReference_LeftUnresolvedAndReported()
    {
        var alert = Alert("""[{"$id":"1","ProcessId":"0x30","ImageFile":{"$ref":"8"},"Host":{"$ref":"4"},"Type":"process"},{"$ref":"8"}]""");

        var process = alert.Entities.Single();
        process.UnresolvedReferences.Should().Equal("8", "4");
        alert.UnresolvedEntityReferences.Should().Equal("8", "4");
        process.GetEntity("ImageFile").Should().BeNull();
        process.GetString("ImageFile").Should().Be("""{"$ref":"8"}""", "an unresolved reference is returned as published");
        process.GetString("ImageFile.Name").Should().BeNull();
        alert.GetFieldValue("entities.1").Should().Be("""{"$ref":"8"}""");
    }

    [Fact]
    public void Entities_ForwardReference_NotFollowed()
    {
        var alert = Alert("""[{"$id":"1","Name":"svc-lab","Host":{"$ref":"2"},"Type":"account"},{"$id":"2","HostName":"vm-lab-03","Type":"host"}]""");

        alert.Entities[0].GetEntity("Host").Should().BeNull("Json.NET writes every $id before its references");
        alert.Entities[0].UnresolvedReferences.Should().Equal("2");
    }

    [Fact]
    public void Entities_SelfReference_ResolvesToItselfWithoutLooping()
    {
        var alert = Alert("""[{"$id":"1","HostName":"vm-lab-04","Self":{"$ref":"1"},"Type":"host"}]""");

        var host = alert.Entities.Single();
        host.GetEntity("Self").Should().BeSameAs(host);
        host.GetString("Self.Self.Self.Self.HostName").Should().Be("vm-lab-04");
        alert.GetFieldValue("entities.0.Self.HostName").Should().Be("vm-lab-04");
    }

    [Fact]
    public void Entities_TwoEntityCycle_FollowedStepByStep()
    {
        var alert = Alert("""[{"$id":"1","ProcessId":"0x40","Child":{"$id":"2","ProcessId":"0x41","ParentProcess":{"$ref":"1"},"Type":"process"},"Type":"process"}]""");

        alert.Entities.Select(e => e.ProcessId).Should().Equal("0x40", "0x41");
        alert.Entities[1].GetString("ParentProcess.Child.ParentProcess.Child.ProcessId").Should().Be("0x41");
        alert.Entities[0].GetEntity("Child.ParentProcess").Should().BeSameAs(alert.Entities[0]);
        alert.Entities[0].GetString("Child").Should().Contain("0x41");
    }

    [Fact]
    public void Entities_DuplicateIds_NearestEarlierDefinitionWins()
    {
        var alert = Alert("""
            [
              {"$id":"5","Address":"203.0.113.10","Type":"ip"},
              {"$id":"6","HostName":"vm-lab-05","Type":"host"},
              {"$id":"7","Name":"first-account","Host":{"$ref":"6"},"Type":"account"},
              {"$id":"6","HostName":"vm-lab-06","Type":"host"},
              {"$id":"7","Name":"second-account","Host":{"$ref":"6"},"Type":"account"},
              {"$id":"8","Account":{"$ref":"7"},"SourceAddress":{"$ref":"5"},"Type":"host-logon-session"}
            ]
            """);

        alert.Entities.Should().HaveCount(6, "every definition is an entity of its own even when its id repeats");
        alert.Entities[2].GetString("Host.HostName").Should().Be("vm-lab-05");
        alert.Entities[4].GetString("Host.HostName").Should().Be("vm-lab-06");
        alert.Entities[5].GetEntity("Account")!.AccountName.Should().Be("second-account");
        alert.Entities[5].GetString("SourceAddress.Address").Should().Be("203.0.113.10");
    }

    [Fact]
    public void Entities_ReferencesInsideArrays_ResolvedAndListedOnce()
    {
        var alert = Alert("""
            [
              {"$id":"1","Name":"payload.ps1","FileHashes":[{"$id":"2","Algorithm":"SHA256","Value":"00aa","Type":"filehash"},{"$id":"3","Algorithm":"MD5","Value":"00bb","Type":"filehash"}],"Type":"file"},
              {"$id":"4","Name":"Lab-Threat","Files":[{"$ref":"1"}],"Hashes":[{"$ref":"3"},{"$ref":"2"},{"$ref":"99"}],"Type":"malware"},
              {"$ref":"2"},
              {"$ref":"4"}
            ]
            """);

        alert.Entities.Select(e => e.Type).Should().Equal("file", "filehash", "filehash", "malware");
        var malware = alert.Entities[3];
        malware.GetEntities("Hashes").Select(h => h.GetString("Value")).Should().Equal("00bb", "00aa");
        malware.GetEntities("Files").Single().FileName.Should().Be("payload.ps1");
        malware.GetString("Files.0.FileHashes.1.Algorithm").Should().Be("MD5");
        malware.GetEntities("Files.0").Should().ContainSingle().Which.Should().BeSameAs(alert.Entities[0]);
        malware.GetEntities("Name").Should().BeEmpty();
        malware.UnresolvedReferences.Should().Equal("99");
        alert.GetFieldValue("entities.2.Value").Should().Be("00aa", "a top-level reference is followed by index");
    }

    [Fact]
    public void Entities_RestShapeWithoutIds_LowerCaseKeysAndTypedAccessors()
    {
        var alert = Alert("""
            [
              {"resourceId":"/subscriptions/00000000-0000-4000-8000-0000000000f2/resourceGroups/rg-lab/providers/Microsoft.Storage/storageAccounts/stlab","type":"azure-resource"},
              {"address":"198.51.100.7","type":"ip"},
              {"address":"<Redacted>","type":"ip"},
              {"name":"casey.lin@contoso-lab.example","aadUserId":"00000000-0000-4000-8000-0000000000a3","sid":"S-1-12-1-1","ntDomain":"LAB","type":"account"},
              {"appId":12260,"name":"Microsoft Azure Management","type":"cloud-application"},
              {"directory":"/tmp","name":"x.sh","type":"file"}
            ]
            """);

        alert.Entities.Should().HaveCount(6);
        alert.Entities.Should().OnlyContain(e => e.Id == null);
        var account = alert.Entities[3];
        account.AccountName.Should().Be("casey.lin@contoso-lab.example");
        account.UserPrincipalName.Should().Be("casey.lin@contoso-lab.example");
        account.AadUserId.Should().Be("00000000-0000-4000-8000-0000000000a3");
        account.Sid.Should().Be("S-1-12-1-1");
        account.NtDomain.Should().Be("LAB");
        account.FileName.Should().BeNull("Name is an account name here");
        alert.Entities[4].AppId.Should().Be("12260");
        alert.Entities[4].AppDisplayName.Should().Be("Microsoft Azure Management");
        alert.Entities[4].IsType("CLOUD-APPLICATION").Should().BeTrue();
        alert.Entities[5].FileName.Should().Be("x.sh");
        alert.Entities[1].IpAddress.Should().Be("198.51.100.7");
        alert.Entities[0].AzureResourceId.Should().Be("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourceGroups/rg-lab/providers/Microsoft.Storage/storageAccounts/stlab");
        alert.EntityIpAddresses.Should().Equal("198.51.100.7");
        alert.EntityResourceIds.Should().Equal("/subscriptions/00000000-0000-4000-8000-0000000000f2/resourcegroups/rg-lab/providers/microsoft.storage/storageaccounts/stlab");
    }

    [Fact]
    public void TypedAccessors_ReadOnlyEntitiesOfTheirTypeOrUntyped()
    {
        var alert = Alert("""
            [{"$id":"1","Type":"account","Name":"riley.moss","HostName":"not-a-host","CommandLine":"x","AppId":"1","ResourceId":"/subscriptions/x"},
             {"$id":"2","Type":"host","HostName":"vm-lab-09","NTDomain":"LAB","AadUserId":"00000000-0000-4000-8000-0000000000b9"},
             {"$id":"3","CommandLine":" net user ","HostName":"vm-lab-10","Name":"untyped"}]
            """);

        var account = alert.Entities[0];
        account.AccountName.Should().Be("riley.moss");
        account.HostName.Should().BeNull("an account's HostName field is not a host entity");
        account.CommandLine.Should().BeNull();
        account.AppId.Should().BeNull();
        account.AzureResourceId.Should().BeNull();
        var host = alert.Entities[1];
        host.HostName.Should().Be("vm-lab-09");
        host.NtDomain.Should().Be("LAB");
        host.AadUserId.Should().BeNull("AadUserId belongs to accounts");
        var untyped = alert.Entities[2];
        untyped.CommandLine.Should().Be("net user");
        untyped.HostName.Should().Be("vm-lab-10");
        untyped.AccountName.Should().BeNull("Name needs a type to mean anything");
        untyped.FileName.Should().BeNull();
    }

    [Fact]
    public void Entities_SingleObject_IsOneEntity()
    {
        var alert = Alert("""{"$id":"1","HostName":"vm-lab-07","Type":"host"}""");

        alert.Entities.Single().HostName.Should().Be("vm-lab-07");
        alert.GetFieldValue("entities.HostName").Should().Be("vm-lab-07");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("n/a")]
    [InlineData("[{\"$id\":\"1\",")]
    [InlineData("[1, \"two\", null]")]
    public void Entities_AbsentMalformedOrScalar_Empty(string? json)
    {
        var alert = Alert(json);

        alert.Entities.Should().BeEmpty();
        alert.UnresolvedEntityReferences.Should().BeEmpty();
        alert.EntityIpAddresses.Should().BeEmpty();
        alert.GetFieldValue("entities.0.Type").Should().BeNull();
    }

    [Fact]
    public void Entities_ReadTwice_SameInstances()
    {
        var alert = Alert("""[{"$id":"1","Address":"203.0.113.11","Type":"ip"}]""");

        alert.Entities.Should().BeSameAs(alert.Entities);
        alert.Entities[0].Should().BeSameAs(alert.Entities[0]);
    }

    [Fact]
    public void Entities_ReadConcurrently_EveryThreadSeesTheSameList()
    {
        var alert = Alert("""[{"$id":"1","Address":"203.0.113.12","Type":"ip"},{"$id":"2","SourceAddress":{"$ref":"1"},"Type":"network-connection"}]""");
        var lists = new IReadOnlyList<AlertEntity>[16];

        Parallel.For(0, lists.Length, i => lists[i] = alert.Entities);

        lists.Should().OnlyContain(l => ReferenceEquals(l, lists[0]));
        lists[0][1].GetString("SourceAddress.Address").Should().Be("203.0.113.12");
    }

    [Fact]
    public void GetFieldValue_EntitiesPaths_FollowReferencesAndKeepPublishedIndexes()
    {
        var alert = Alert("""
            [
              {"$id":"1","HostName":"vm-lab-08","Type":"host"},
              {"$id":"2","Name":"jordan.vale","Host":{"$ref":"1"},"Type":"account","Extra":"{\"note\":\"json in a string\"}"},
              {"$ref":"1"}
            ]
            """);

        alert.GetFieldValue("entities.1.Host.HostName").Should().Be("vm-lab-08");
        alert.GetFieldValue("ENTITIES.1.host.hostname").Should().Be("vm-lab-08");
        alert.GetFieldValue("entities.2.HostName").Should().Be("vm-lab-08");
        alert.GetFieldValue("entities.1.Host").Should().Be("""{"$id":"1","HostName":"vm-lab-08","Type":"host"}""");
        alert.GetFieldValue("entities.1.Extra.note").Should().Be("json in a string");
        alert.GetFieldValue("entities.0.Type").Should().Be("host");
        alert.GetFieldValue("entities.3.Type").Should().BeNull();
        alert.GetFieldValue("entities.1.Missing").Should().BeNull();
    }

    private static DefenderAlert Alert(string? entitiesJson) =>
        new(new SignalOrigin("memory", 0), "VM_Lab") { EntitiesJson = entitiesJson };
}
