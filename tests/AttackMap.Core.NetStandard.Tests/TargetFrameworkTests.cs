using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace AttackMap.Tests;

/// <summary>Guards the point of this project: the linked tests run against AttackMap.Core's netstandard2.0 build.</summary>
public sealed class TargetFrameworkTests
{
    [Fact]
    public void CoreAssembly_LoadedInThisProcess_IsTheNetStandard20Build()
    {
        var assembly = typeof(AttackMapEngine).Assembly;

        assembly.GetName().Name.Should().Be("AttackMap.Core");
        assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Should().Be(".NETStandard,Version=v2.0");
        RuntimeInformation.FrameworkDescription.Should().StartWith(".NET 10.");
    }
}
