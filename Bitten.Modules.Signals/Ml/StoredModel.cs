namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// One trained model in the registry (table <c>ml_models</c>): the serialised model (trees, calibration,
/// feature schema), its held-out metrics, what it was trained on, and what became of it. At most one row is
/// <see cref="ModelStatus.Current"/> (a unique partial index enforces it). Rows are never deleted.
/// </summary>
internal sealed class StoredModel
{
    public string Version { get; set; } = string.Empty;

    public long CreatedMs { get; set; }

    public string FeatureSchema { get; set; } = string.Empty;

    public byte[] Blob { get; set; } = [];

    public int Status { get; set; }

    public string Source { get; set; } = string.Empty;

    public int TrainingRows { get; set; }

    public int CalibrationRows { get; set; }

    public int HeldOutRows { get; set; }

    public int Rounds { get; set; }

    public long FromMs { get; set; }

    public long ToMs { get; set; }

    public double Auc { get; set; }

    public double LogLoss { get; set; }

    public double Brier { get; set; }

    /// <summary>The calibration table by decile and the rest of <see cref="ModelMetrics"/> (JSON).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary>The model that was current when this one was registered, and its log-loss on this model's held-out rows.</summary>
    public string? IncumbentVersion { get; set; }

    public double? IncumbentLogLoss { get; set; }

    public string Decision { get; set; } = string.Empty;

    public long? PromotedMs { get; set; }
}

/// <summary>Where a model stands. Stored: never renumbered.</summary>
internal enum ModelStatus
{
    Unknown = 0,

    /// <summary>Scores every new signal.</summary>
    Current = 1,

    /// <summary>Was current; replaced by a newer model or rolled back from.</summary>
    Retired = 2,

    /// <summary>Never promoted: its held-out log-loss was worse than the current model's on the same rows.</summary>
    Rejected = 3,
}
