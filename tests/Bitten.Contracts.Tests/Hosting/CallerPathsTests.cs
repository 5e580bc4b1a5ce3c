using Bitten.Contracts.Hosting;

namespace Bitten.Contracts.Tests.Hosting;

/// <summary>`dotnet run --project Bitten.Host -- backtest --data ../shared/…` from the repository root: the path is the shell's, not the project folder's.</summary>
[Collection(nameof(CallerPathsTests))] // changes PWD for the process
public sealed class CallerPathsTests : IDisposable
{
    private readonly string? _pwd = Environment.GetEnvironmentVariable("PWD");
    private readonly string _shell = Directory.CreateTempSubdirectory("bitten-pwd-").FullName;

    [Fact]
    public void Resolve_WhenThePathExistsBesideTheShell_ReadsItFromThere()
    {
        Directory.CreateDirectory(Path.Combine(_shell, "history"));
        Environment.SetEnvironmentVariable("PWD", _shell);

        CallerPaths.Resolve("history").ShouldBe(Path.Combine(_shell, "history"));
        CallerPaths.ResolveOutput("report").ShouldBe(Path.Combine(_shell, "report"));
    }

    [Fact]
    public void Resolve_WhenThePathIsNotBesideTheShellOrAbsolute_KeepsTheProcessFolderMeaning()
    {
        Environment.SetEnvironmentVariable("PWD", _shell);

        CallerPaths.Resolve("no-such-thing").ShouldBe(Path.GetFullPath("no-such-thing"));
        CallerPaths.Resolve("/abs/file.csv").ShouldBe("/abs/file.csv");
        Environment.SetEnvironmentVariable("PWD", null);
        CallerPaths.ResolveOutput("report").ShouldBe(Path.GetFullPath("report"));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PWD", _pwd);
        Directory.Delete(_shell, recursive: true);
    }
}
