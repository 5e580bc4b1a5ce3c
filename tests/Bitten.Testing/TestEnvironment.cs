namespace Bitten.Testing;

/// <summary>
/// Facts about the machine the tests run on. Tests that need something external may skip locally
/// when it is missing, but never under <c>CI=true</c>: there they run, and fail if it is missing.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder holding Bitten.sln).</summary>
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, "Bitten.sln")
        ?? throw new InvalidOperationException("Bitten.sln not found above " + AppContext.BaseDirectory);

    /// <summary><c>../shared/data</c> beside the repository (reference data that may not be redistributed).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary><c>tests/data</c> in the repository (redistributable reference data, with attribution).</summary>
    public static string TestData => Path.Combine(RepositoryRoot, "tests", "data");

    /// <summary>The system python with the libzmq binding (Debian python3-zmq).</summary>
    public static string SystemPython => "/usr/bin/python3";

    private static readonly Lazy<bool> PythonZmq = new(() => RunsOk(SystemPython, "-c \"import zmq\""));
    private static readonly Lazy<bool> Chromium = new(() => File.Exists("/usr/bin/chromium"));

    public static bool HasPythonZmq => PythonZmq.Value;

    public static bool HasChromium => Chromium.Value;

    /// <summary>True when this process may mount a tmpfs (root on Linux): probed once by mounting and unmounting one.</summary>
    public static bool CanMountTmpfs => Tmpfs.Value;

    private static readonly Lazy<bool> Tmpfs = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bitten-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            return RunsOk("mount", $"-t tmpfs -o size=1m tmpfs {probe}") && RunsOk("umount", probe);
        }
        finally
        {
            try
            {
                Directory.Delete(probe);
            }
            catch (IOException)
            {
            }
        }
    });

    private static bool RunsOk(string file, string arguments)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });
            if (process is null || !process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindUp(string start, string file)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, file)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
