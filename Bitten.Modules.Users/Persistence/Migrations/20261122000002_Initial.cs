using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Users.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(UsersDbContext))]
[Migration("20261122000002_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                telegram_id = table.Column<long>(type: "INTEGER", nullable: false),
                display_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                language_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                roles = table.Column<int>(type: "INTEGER", nullable: false),
                referral_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                referrer_user_id = table.Column<long>(type: "INTEGER", nullable: true),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                last_seen_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                risk_percent = table.Column<decimal>(type: "TEXT", nullable: false),
                auto_fire_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                min_win_probability = table.Column<decimal>(type: "TEXT", nullable: false),
                drill_tone = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_users", x => x.id);
                table.ForeignKey("fk_users_referrer", x => x.referrer_user_id, "users", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex(name: "ix_users_telegram_id", table: "users", column: "telegram_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_users_referral_code", table: "users", column: "referral_code", unique: true);
        migrationBuilder.CreateIndex(name: "ix_users_referrer_user_id", table: "users", column: "referrer_user_id");

        migrationBuilder.CreateTable(
            name: "notification_settings",
            columns: table => new
            {
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                @event = table.Column<int>(name: "event", type: "INTEGER", nullable: false),
                mode = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_notification_settings", x => new { x.user_id, x.@event });
                table.ForeignKey("fk_notification_settings_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "linked_eas",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ea_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                token_salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                token_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                token_rotated_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_linked_eas", x => x.id);
                table.ForeignKey("fk_linked_eas_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_linked_eas_ea_id", table: "linked_eas", column: "ea_id", unique: true);
        migrationBuilder.CreateIndex(name: "ix_linked_eas_user_default", table: "linked_eas", column: "user_id", unique: true, filter: "is_default = 1");

        migrationBuilder.CreateTable(
            name: "login_codes",
            columns: table => new
            {
                code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                used_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_login_codes", x => x.code_hash);
                table.ForeignKey("fk_login_codes_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_login_codes_user_id", table: "login_codes", column: "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "login_codes");
        migrationBuilder.DropTable(name: "linked_eas");
        migrationBuilder.DropTable(name: "notification_settings");
        migrationBuilder.DropTable(name: "users");
    }
}
