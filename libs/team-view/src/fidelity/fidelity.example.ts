/** The OpenAPI example of GET /team-view/fidelity (shortened: 3 of the 25 items, one driver each). */
export const FIDELITY_EXAMPLE = {
  period: { from: '2026-01-01', to: '2026-03-31' },
  team: null,
  items: [
    {
      item: 'S1',
      name: 'caseload',
      source: 'events',
      score: 5,
      anchor: { text: '≤20', confirmed: true },
      figures: { asOf: '2026-03-31', activeParticipants: 34, specialists: 2, participantsPerSpecialist: 17, largestCaseload: 18 },
      drivers: [
        { participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11', eventIds: ['0190a6f0-0000-7000-8000-00000000c101'], detail: "on es-ingrid's caseload since 2026-01-05" },
      ],
      withheldDrivers: 0,
    },
    {
      item: 'V4',
      name: 'rapid job search',
      source: 'events',
      score: 4,
      anchor: { text: '31–60', confirmed: false },
      figures: { participants: 6, stillWaiting: 1, meanDays: 38.5, medianDays: 27 },
      drivers: [
        {
          participantId: '3f1c1f6e-9a43-4a47-9d36-6a4f2f1f9c11',
          eventIds: ['0190a6f0-0000-7000-8000-00000000c101', '0190a6f0-0000-7000-8000-00000000c107'],
          detail: '21 days to the first face-to-face contact',
        },
      ],
      withheldDrivers: 0,
    },
    {
      item: 'O7',
      name: 'agency focus on work',
      source: 'reviewer',
      score: null,
      anchor: null,
      reason: 'scored by a fidelity reviewer',
      figures: {},
      drivers: [],
      withheldDrivers: 0,
    },
  ],
  total: null,
  band: null,
  scoredItems: 10,
  computedTotal: 41,
  minReachable: 56,
  maxReachable: 116,
} as const;
