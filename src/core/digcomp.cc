#include "coursepack/core/digcomp.h"

#include <array>

namespace coursepack {
namespace {

// DigComp 2.2, "The Digital Competence Framework for Citizens", JRC128415 (2022), and its
// French version. The ids and names have not changed since DigComp 2.0 (2016).
constexpr std::array<DigCompCompetence, 21> kCompetences{{
    {"1.1", "Browsing, searching and filtering data, information and digital content",
     "Naviguer, rechercher et filtrer des données, des informations et des contenus numériques"},
    {"1.2", "Evaluating data, information and digital content",
     "Évaluer des données, des informations et des contenus numériques"},
    {"1.3", "Managing data, information and digital content",
     "Gérer des données, des informations et des contenus numériques"},
    {"2.1", "Interacting through digital technologies", "Interagir par le biais des technologies numériques"},
    {"2.2", "Sharing through digital technologies", "Partager par le biais des technologies numériques"},
    {"2.3", "Engaging in citizenship through digital technologies",
     "S'engager dans la citoyenneté par le biais des technologies numériques"},
    {"2.4", "Collaborating through digital technologies", "Collaborer par le biais des technologies numériques"},
    {"2.5", "Netiquette", "Nétiquette"},
    {"2.6", "Managing digital identity", "Gérer son identité numérique"},
    {"3.1", "Developing digital content", "Développer des contenus numériques"},
    {"3.2", "Integrating and re-elaborating digital content", "Intégrer et réélaborer des contenus numériques"},
    {"3.3", "Copyright and licences", "Droits d'auteur et licences"},
    {"3.4", "Programming", "Programmation"},
    {"4.1", "Protecting devices", "Protéger les équipements"},
    {"4.2", "Protecting personal data and privacy", "Protéger les données personnelles et la vie privée"},
    {"4.3", "Protecting health and well-being", "Protéger la santé et le bien-être"},
    {"4.4", "Protecting the environment", "Protéger l'environnement"},
    {"5.1", "Solving technical problems", "Résoudre des problèmes techniques"},
    {"5.2", "Identifying needs and technological responses", "Identifier des besoins et des réponses technologiques"},
    {"5.3", "Creatively using digital technologies", "Utiliser de manière créative les technologies numériques"},
    {"5.4", "Identifying digital competence gaps", "Identifier les lacunes en matière de compétences numériques"},
}};

}  // namespace

const DigCompCompetence* find_digcomp(std::string_view id) {
  for (const auto& competence : kCompetences)
    if (competence.id == id) return &competence;
  return nullptr;
}

std::string_view digcomp_name(const DigCompCompetence& competence, std::string_view language) {
  return language.starts_with("fr") ? competence.name_fr : competence.name_en;
}

}  // namespace coursepack
