import Foundation
import MotCuaCore
import SQLKit

/// Kho dữ liệu dùng chung — administrative units, their conversion, and agencies.
public struct ReferenceStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Replaces the units and conversion table with the given ones (idempotent).
    public func saveUnits(_ units: [AdministrativeUnit], conversions: [UnitConversion]) async throws {
        try await database.write { db in
            try await TransactionLock.referenceData.take(for: "admin_units", in: db)
            try await db.raw("DELETE FROM admin_units").run()
            try await db.raw("DELETE FROM unit_conversions").run()
            for unit in units {
                try await db.raw("""
                    INSERT INTO admin_units (scheme, code, name, type, parent_code) VALUES
                    (\(bind: unit.scheme.rawValue), \(bind: unit.code), \(bind: unit.name), \(bind: unit.type), \(bind: unit.parentCode))
                    """).run()
            }
            for conversion in conversions {
                for current in conversion.currentCodes {
                    try await db.raw("""
                        INSERT INTO unit_conversions (legacy_code, current_code, partly)
                        VALUES (\(bind: conversion.legacyCode), \(bind: current), \(bind: conversion.partly ? 1 : 0))
                        """).run()
                }
            }
        }
    }

    public func units(scheme: AdministrativeUnit.Scheme) async throws -> [AdministrativeUnit] {
        try await database.read { db in
            try await db.raw("""
                SELECT scheme, code, name, type, parent_code FROM admin_units WHERE scheme = \(bind: scheme.rawValue) ORDER BY code
                """).all().map(Self.unit)
        }
    }

    /// The unit of a key such as `hien-hanh:4`, or nil.
    public func unit(key: String) async throws -> AdministrativeUnit? {
        let parts = key.split(separator: ":")
        guard parts.count == 2, let scheme = AdministrativeUnit.Scheme(rawValue: String(parts[0])),
              let code = Int(parts[1]) else { return nil }
        return try await database.read { db in
            try await db.raw("""
                SELECT scheme, code, name, type, parent_code FROM admin_units
                WHERE scheme = \(bind: scheme.rawValue) AND code = \(bind: code)
                """).first().map(Self.unit)
        }
    }

    /// The current wards that took over a legacy ward, with whether the legacy one was split.
    public func currentUnits(forLegacy code: Int) async throws -> (units: [AdministrativeUnit], partly: Bool) {
        try await database.read { db in
            let rows = try await db.raw("""
                SELECT u.scheme, u.code, u.name, u.type, u.parent_code, c.partly FROM unit_conversions c
                JOIN admin_units u ON u.scheme = 'hien-hanh' AND u.code = c.current_code
                WHERE c.legacy_code = \(bind: code) ORDER BY u.code
                """).all()
            let partly = try rows.contains { try $0.decode(column: "partly", as: Int.self) == 1 }
            return (try rows.map(Self.unit), partly)
        }
    }

    /// Inserts or replaces agencies by code, in one transaction.
    public func saveAgencies(_ agencies: [Agency]) async throws {
        try await database.write { db in
            try await TransactionLock.referenceData.take(for: "agencies", in: db)
            for agency in agencies {
                try await db.raw("DELETE FROM agencies WHERE code = \(bind: agency.code)").run()
                try await db.raw("""
                    INSERT INTO agencies (code, name, kind, unit_key, parent_code) VALUES
                    (\(bind: agency.code), \(bind: agency.name), \(bind: agency.kind), \(bind: agency.unitKey), \(bind: agency.parentCode))
                    """).run()
            }
        }
    }

    public func agency(code: String) async throws -> Agency? {
        try await database.read { db in
            try await db.raw("SELECT code, name, kind, unit_key, parent_code FROM agencies WHERE code = \(bind: code)")
                .first().map(Self.agency)
        }
    }

    public func agencies(kind: String? = nil) async throws -> [Agency] {
        try await database.read { db in
            let rows = if let kind {
                try await db.raw("SELECT code, name, kind, unit_key, parent_code FROM agencies WHERE kind = \(bind: kind) ORDER BY code").all()
            } else {
                try await db.raw("SELECT code, name, kind, unit_key, parent_code FROM agencies ORDER BY code").all()
            }
            return try rows.map(Self.agency)
        }
    }

    static func unit(_ row: any SQLRow) throws -> AdministrativeUnit {
        AdministrativeUnit(
            scheme: AdministrativeUnit.Scheme(rawValue: try row.decode(column: "scheme", as: String.self)) ?? .current,
            code: try row.decode(column: "code", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            parentCode: try row.decode(column: "parent_code", as: Int?.self))
    }

    static func agency(_ row: any SQLRow) throws -> Agency {
        Agency(code: try row.decode(column: "code", as: String.self),
               name: try row.decode(column: "name", as: String.self),
               kind: try row.decode(column: "kind", as: String.self),
               unitKey: try row.decode(column: "unit_key", as: String?.self),
               parentCode: try row.decode(column: "parent_code", as: String?.self))
    }
}
