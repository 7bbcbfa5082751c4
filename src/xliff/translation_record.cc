#include "coursepack/xliff/translation_record.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace coursepack::xliff {
namespace {

using Json = nlohmann::json;  // keys sorted: a stable record

Json pieces_json(const Content& content) {
  Json out = Json::array();
  for (const auto& piece : content) {
    switch (piece.kind) {
      case Piece::Kind::text: out.push_back(piece.text); break;
      case Piece::Kind::open: out.push_back({{"open", piece.id}}); break;
      case Piece::Kind::close: out.push_back({{"close", piece.id}}); break;
      case Piece::Kind::standalone: out.push_back({{"ph", piece.id}}); break;
    }
  }
  return out;
}

std::optional<Content> pieces_of(const Json& json) {
  if (!json.is_array()) return std::nullopt;
  Content out;
  for (const auto& item : json) {
    if (item.is_string()) {
      out.push_back({Piece::Kind::text, item.get<std::string>()});
      continue;
    }
    if (!item.is_object() || item.size() != 1 || !item.begin().value().is_string()) return std::nullopt;
    const std::string& kind = item.begin().key();
    const std::string id = item.begin().value().get<std::string>();
    if (kind == "open") out.push_back({Piece::Kind::open, "", id});
    else if (kind == "close") out.push_back({Piece::Kind::close, "", id});
    else if (kind == "ph") out.push_back({Piece::Kind::standalone, "", id});
    else return std::nullopt;
  }
  return out;
}

bool is_done(const RecordEntry& entry) { return entry.state != "initial"; }

}  // namespace

std::string record_path(const std::string& language) { return "translations/" + language + ".json"; }

std::optional<Record> parse_record(std::string_view text, std::string& error) {
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("files") || !json["files"].is_object()) {
    error = "not a translation record (a JSON object with \"files\")";
    return std::nullopt;
  }
  Record record;
  record.source_language = json.value("source_language", "");
  for (const auto& [file, units] : json["files"].items()) {
    if (!units.is_object()) {
      error = "/files/" + file + ": not an object";
      return std::nullopt;
    }
    for (const auto& [id, entry] : units.items()) {
      std::optional<Content> target = entry.is_object() ? pieces_of(entry.value("target", Json())) : std::nullopt;
      if (!target || !entry.contains("source") || !entry["source"].is_string()) {
        error = "/files/" + file + "/" + id + ": needs \"source\" (a string) and \"target\" (pieces)";
        return std::nullopt;
      }
      record.files[file][id] = {entry["source"].get<std::string>(), std::move(*target), entry.value("state", "translated")};
    }
  }
  return record;
}

std::string write_record(const Record& record) {
  Json files = Json::object();
  for (const auto& [file, units] : record.files)
    for (const auto& [id, entry] : units)
      files[file][id] = {{"source", entry.source}, {"target", pieces_json(entry.target)}, {"state", entry.state}};
  Json json = {{"about", "What `coursepack xliff import` translated, from which source text: `coursepack status` "
                         "and `xliff export` compare it with the source. Written by the tool; do not edit."},
               {"source_language", record.source_language},
               {"files", files}};
  return json.dump(2) + "\n";
}

Match match_unit(const SourceUnit& unit, const Record& record) {
  const auto file = record.files.find(unit.file_id);
  if (file == record.files.end()) return {};
  if (auto it = file->second.find(unit.id); it != file->second.end())
    return {is_done(it->second) ? Match::Kind::translated : Match::Kind::stale, &it->second, it->first};
  const std::string source = serialize(unit.source);
  Match same_place;
  for (const auto& [id, entry] : file->second) {
    if (entry.source == source && is_done(entry)) return {Match::Kind::translated, &entry, id};
    if (id.size() > unit.hash.size() && id.substr(0, id.size() - unit.hash.size()) == unit.key + "-")
      same_place = {Match::Kind::stale, &entry, id};
  }
  if (same_place.entry) return same_place;
  return {};
}

Content with_source_data(const Content& target, const Content& source) {
  Content out;
  for (Piece piece : target) {
    if (piece.kind != Piece::Kind::text) {
      auto it = std::find_if(source.begin(), source.end(),
                             [&](const Piece& s) { return s.kind == piece.kind && s.id == piece.id; });
      if (it == source.end()) {
        piece = {Piece::Kind::text, piece.text};
      } else {
        piece = *it;
      }
    }
    if (piece.kind == Piece::Kind::text && piece.text.empty()) continue;
    out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace coursepack::xliff
