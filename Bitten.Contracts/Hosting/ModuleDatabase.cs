namespace Bitten.Contracts.Hosting;

/// <summary>
/// A module's database, registered in DI so the host can migrate, check and back up every module's
/// file without knowing the modules. <paramref name="ContextType"/> is the module's DbContext type.
/// </summary>
public sealed record ModuleDatabase(string Module, string FilePath, Type ContextType);
