using System.Reflection;
using Bitten.Contracts.Common;
using Bitten.Modules.Execution;
using Bitten.Modules.Gamification;
using Bitten.Modules.Missions;
using Bitten.Modules.Signals;
using Bitten.Modules.Users;
using Bitten.Zmq;

namespace Bitten.ArchitectureTests;

/// <summary>The rules of ARCHITECTURE.md §2–3 and CONVENTIONS.md §1, read from the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(SignalsModule).Assembly,
        typeof(MissionsModule).Assembly,
        typeof(ExecutionModule).Assembly,
        typeof(UsersModule).Assembly,
        typeof(GamificationModule).Assembly,
    ];

    public static TheoryData<string> ModuleNames() => [.. Modules.Select(m => m.GetName().Name!)];

    [Fact]
    public void Modules_WhenCompiled_AreTheFiveOfTheArchitecture() =>
        Modules.Select(m => m.GetName().Name).ShouldBe(
        [
            "Bitten.Modules.Signals", "Bitten.Modules.Missions", "Bitten.Modules.Execution", "Bitten.Modules.Users", "Bitten.Modules.Gamification",
        ]);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_WhenCompiled_ReferencesNoOtherModule(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);

        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.Where(r => r.StartsWith("Bitten.Modules.", StringComparison.Ordinal)).ShouldBeEmpty();
        references.ShouldNotContain("Bitten.Host");
        references.ShouldNotContain("Bitten.Simulator");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_WhenCompiled_ExposesOnlyItsModuleClass(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var expected = module.Replace("Bitten.Modules.", string.Empty, StringComparison.Ordinal) + "Module";

        var publicTypes = assembly.GetExportedTypes().Select(t => t.Name).ToList();

        publicTypes.ShouldBe([expected], $"{module} may expose only {expected}; everything else is internal (CONVENTIONS §1)");
    }

    [Fact]
    public void Contracts_WhenCompiled_ReferenceNoEfCoreAspNetCoreOrZeroMq()
    {
        var references = typeof(Ulid).Assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.ShouldNotContain(r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.StartsWith("Bitten.", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.Contains("Zmq", StringComparison.OrdinalIgnoreCase) || r.Contains("NetMQ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Zmq_WhenCompiled_KnowsNothingAboutTrading()
    {
        var references = typeof(ZmqSocketType).Assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.ShouldNotContain(r => r.StartsWith("Bitten.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_WhenCompiled_HasALoggerMessageLogClassAndValidatedOptions(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var name = module.Replace("Bitten.Modules.", string.Empty, StringComparison.Ordinal);

        var log = assembly.GetType($"{module}.Log").ShouldNotBeNull();
        log.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .ShouldAllBe(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "LoggerMessageAttribute"));
        var options = assembly.GetType($"{module}.{name}Options").ShouldNotBeNull();
        options.GetField("SectionName")!.GetValue(null).ShouldBe($"Modules:{name}");
    }
}
