using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Execution.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(ExecutionDbContext))]
[Migration("20261122000004_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "eas",
            columns: table => new
            {
                ea_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                last_seen_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
            },
            constraints: table => table.PrimaryKey("PK_eas", x => x.ea_id));
        migrationBuilder.CreateIndex(
            name: "ix_eas_user_id",
            table: "eas",
            column: "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "eas");
    }
}
