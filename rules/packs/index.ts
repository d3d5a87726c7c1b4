// Owns the list of built-in rule packs, one file per red-flag category (see rules/README.md).
import type { RulePack } from '../engine/types';
import packR01HotspotDestination from './r01-hotspot-destination.json';
import packR02LureJobTitle from './r02-lure-job-title.json';
import packR03PayTooGood from './r03-pay-too-good.json';
import packR04EmployerPaidTravel from './r04-employer-paid-travel.json';
import packR05TouristVisaForWork from './r05-tourist-visa-for-work.json';
import packR06ChatOnlyHiring from './r06-chat-only-hiring.json';
import packR07OffPlatformContact from './r07-off-platform-contact.json';
import packR08LocationSwitch from './r08-location-switch.json';
import packR09ScamWorkSkills from './r09-scam-work-skills.json';
import packR10UnregisteredAgent from './r10-unregistered-agent.json';
import packR11PassportOrMoneyUpfront from './r11-passport-or-money-upfront.json';
import packR12FriendReferral from './r12-friend-referral.json';
import packR13SecrecyOrUrgency from './r13-secrecy-or-urgency.json';
import packJJobOffer from './j-job-offer.json';
import packC1ReportingOrAdvisory from './c1-reporting-or-advisory.json';
import packC2LicensedRecruitment from './c2-licensed-recruitment.json';
import packC3ProperWorkPermit from './c3-proper-work-permit.json';
import packTSelfTest from './t-self-test.json';

/** Every built-in pack, in category order. JSON is typed loosely by TypeScript; tests validate it with zod. */
export const builtInPacks = [
  packR01HotspotDestination,
  packR02LureJobTitle,
  packR03PayTooGood,
  packR04EmployerPaidTravel,
  packR05TouristVisaForWork,
  packR06ChatOnlyHiring,
  packR07OffPlatformContact,
  packR08LocationSwitch,
  packR09ScamWorkSkills,
  packR10UnregisteredAgent,
  packR11PassportOrMoneyUpfront,
  packR12FriendReferral,
  packR13SecrecyOrUrgency,
  packJJobOffer,
  packC1ReportingOrAdvisory,
  packC2LicensedRecruitment,
  packC3ProperWorkPermit,
  packTSelfTest,
] as unknown as RulePack[];
