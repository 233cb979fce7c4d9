import { describe, expect, it } from 'vitest';
import { bodyOf, type Values, withAllDay } from './form-values';

function values(changes: Partial<Values>): Values {
  return {
    title: 'Formation des forces de sécurité',
    allDay: true,
    startsAt: '2017-10-18',
    endsAt: '2017-10-19',
    timeZone: 'Africa/Casablanca',
    city: 'Casablanca',
    countryCode: 'MA',
    online: false,
    notes: '',
    ownerInstitutionId: '',
    visibility: 'group',
    organiserInstitutionIds: [],
    participantInstitutionIds: [],
    hostInstitutionId: null,
    partners: [],
    themes: [],
    actionIds: [],
    cadence: 'quarterly',
    memberPeople: '',
    bodyId: '',
    agenda: '',
    minutes: '',
    decisions: '',
    audiences: [],
    counts: {},
    trainers: '',
    materials: '',
    evaluation: '',
    statementType: 'opinion',
    addressee: '',
    statementText: '',
    publicLink: '',
    visitors: '',
    programme: '',
    placesVisited: '',
    missionReport: '',
    lessonsLearned: '',
    courseName: '',
    courseOrganiser: '',
    courseParticipants: '',
    certificate: '',
    ...changes,
  };
}

const create = { editing: false, choosesOwner: false };

describe('activity form bodies', () => {
  it('sends trainees for the audiences chosen only, and only the cells with someone in them', () => {
    const body = bodyOf(
      'training',
      values({
        audiences: ['police'],
        counts: { 'police.female': '6', 'police.male': '10', 'police.other': '', 'border_guards.male': '7' },
        trainers: 'Juge des enfants\n\n  Expert UNICEF  ',
      }),
      create,
    );
    expect(body).toMatchObject({
      kind: 'training',
      details: {
        audiences: ['police'],
        participants: [
          { audience: 'police', sex: 'female', count: 6 },
          { audience: 'police', sex: 'male', count: 10 },
        ],
        trainers: ['Juge des enfants', 'Expert UNICEF'],
      },
    });
  });

  it('ends a single-day kind the day it starts, all day', () => {
    const body = bodyOf('statement', values({ allDay: false, startsAt: '2018-01-15', endsAt: '2018-02-01' }), create);
    expect(body).toMatchObject({ allDay: true, startsAt: '2018-01-15', endsAt: '2018-01-15' });
  });

  it('turns typed minutes into escaped HTML and a meeting of the working group into no body', () => {
    const body = bodyOf('meeting', values({ minutes: '<script>x</script>', decisions: 'A\nB' }), create);
    expect(body).toMatchObject({
      details: { bodyId: null, minutesHtml: '<p>&lt;script&gt;x&lt;/script&gt;</p>', decisions: ['A', 'B'] },
    });
  });

  it('never sends the kind on an edit, nor the owner unless the user may choose it', () => {
    const edit = bodyOf('course', values({ courseName: 'Moncton 2017' }), { editing: true, choosesOwner: false });
    expect(edit).not.toHaveProperty('kind');
    expect(edit).not.toHaveProperty('ownerInstitutionId');
    const network = bodyOf('course', values({}), { editing: false, choosesOwner: true });
    expect(network).toMatchObject({ ownerInstitutionId: null });
  });

  it('keeps the day when switching between all day and timed', () => {
    const timed = withAllDay(values({}), false);
    expect([timed.startsAt, timed.endsAt]).toEqual(['2017-10-18T09:00', '2017-10-19T09:00']);
    const allDay = withAllDay(timed, true);
    expect([allDay.startsAt, allDay.endsAt]).toEqual(['2017-10-18', '2017-10-19']);
  });
});
